//! Values chosen by name on the command line: the library's kinds, relations and formats, matched
//! ignoring case and the spaces around each item of a comma-separated list, with an error that
//! lists the valid names. Help shows the same names as its possible values.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use diplograph::export::{ExportFormat, NodeLinkKey};
use diplograph::model::{Kind, Relation};
use diplograph::query::ResultFormat;
use std::marker::PhantomData;

/// A library enum whose values the command line names.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value a user may name, in the order help lists them.
    fn choices() -> &'static [Self];
    /// The name on the command line.
    fn choice_name(self) -> &'static str;
}

impl Choice for Kind {
    fn choices() -> &'static [Self] {
        &Kind::ALL
    }
    fn choice_name(self) -> &'static str {
        self.name()
    }
}

impl Choice for Relation {
    fn choices() -> &'static [Self] {
        &Relation::PROJECTED
    }
    fn choice_name(self) -> &'static str {
        self.name()
    }
}

impl Choice for ExportFormat {
    fn choices() -> &'static [Self] {
        &ExportFormat::ALL
    }
    fn choice_name(self) -> &'static str {
        self.name()
    }
}

impl Choice for NodeLinkKey {
    fn choices() -> &'static [Self] {
        &NodeLinkKey::ALL
    }
    fn choice_name(self) -> &'static str {
        self.name()
    }
}

impl Choice for ResultFormat {
    fn choices() -> &'static [Self] {
        &ResultFormat::ALL
    }
    fn choice_name(self) -> &'static str {
        self.name()
    }
}

/// Parses one [`Choice`] by name: `value_parser = choice::<Kind>()`.
pub fn choice<T: Choice>() -> ChoiceParser<T> {
    ChoiceParser(PhantomData)
}

/// The value parser of a [`Choice`].
#[derive(Debug, Clone, Copy)]
pub struct ChoiceParser<T>(PhantomData<T>);

impl<T: Choice> ChoiceParser<T> {
    /// The value named `text`, ignoring case and surrounding spaces.
    pub fn find(text: &str) -> Option<T> {
        let text = text.trim();
        T::choices().iter().copied().find(|c| c.choice_name().eq_ignore_ascii_case(text))
    }
}

impl<T: Choice> TypedValueParser for ChoiceParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        Self::find(&text).ok_or_else(|| {
            let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            let arg = arg.map_or_else(|| "...".to_owned(), ToString::to_string);
            error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
            error.insert(ContextKind::InvalidValue, ContextValue::String(text.trim().to_owned()));
            let names = T::choices().iter().map(|c| c.choice_name().to_owned()).collect();
            error.insert(ContextKind::ValidValue, ContextValue::Strings(names));
            error
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::choices().iter().map(|c| PossibleValue::new(c.choice_name()))))
    }
}

/// A clap error as one line: its message without the usage and the pointer to `--help`, the
/// valid values and any tip joined onto it.
pub fn one_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .collect();
    let line = parts.join(" ");
    line.strip_prefix("error: ").unwrap_or(&line).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_ignoring_case_and_spaces() {
        assert_eq!(ChoiceParser::<Kind>::find(" country "), Some(Kind::Country));
        assert_eq!(ChoiceParser::<Kind>::find("LEADER"), Some(Kind::Leader));
        assert_eq!(ChoiceParser::<Kind>::find("Contry"), None);
        assert_eq!(ChoiceParser::<Relation>::find(" met"), Some(Relation::Met));
        assert_eq!(ChoiceParser::<Relation>::find("partnerof"), Some(Relation::PartnerOf));
        assert_eq!(ChoiceParser::<Relation>::find("vistied"), None);
        assert_eq!(ChoiceParser::<Relation>::find("comention"), None, "a projection, not a stated relation");
        assert_eq!(ChoiceParser::<ExportFormat>::find("GraphML"), Some(ExportFormat::GraphMl));
        assert_eq!(ChoiceParser::<ResultFormat>::find("md"), None);
    }
}
