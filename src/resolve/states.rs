//! Which state a country's name stands for in its document's time: a name today's state shares with
//! the historical one before it (德意志联邦共和国, West Germany's name until 1990 and Germany's since)
//! is the historical state in documents older than its end.

use crate::extract::lexicon::Lexicon;
use crate::extract::{Key, Mention};
use crate::model::Date;

/// The mentions with each country named by a shared name moved to the historical state that bore
/// it in the document's year (a document without a date keeps today's state).
pub(super) fn states_in_time(
    mut mentions: Vec<Mention>,
    lexicon: &Lexicon,
    date: Option<Date>,
) -> Vec<Mention> {
    let countries = &lexicon.gazetteer.countries;
    let Some(year) = date.map(|d| d.year) else { return mentions };
    let bore = |c: &crate::reference::Country, name: &str| c.zh == name || c.names.iter().any(|n| n == name);
    let then: Vec<usize> =
        (0..countries.len()).filter(|&j| countries[j].until.is_some_and(|u| year < u)).collect();
    if then.is_empty() {
        return mentions;
    }
    for m in &mut mentions {
        let Key::Country(i) = m.key else { continue };
        let earlier = then.iter().copied().find(|&j| j != i && bore(&countries[j], &m.surface));
        if let Some(j) = earlier.filter(|_| bore(&countries[i], &m.surface)) {
            m.key = Key::Country(j);
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country_of(text: &str, year: Option<i32>) -> Vec<String> {
        let lexicon = Lexicon::get();
        let mentions = crate::extract::extract(text, lexicon);
        let date = year.map(|year| Date { year, month: None, day: None });
        states_in_time(mentions, lexicon, date)
            .iter()
            .filter_map(|m| match m.key {
                Key::Country(i) => Some(lexicon.gazetteer.countries[i].id.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_shared_name_is_the_state_that_bore_it_then() {
        let text = "苏联同德意志联邦共和国签署条约。";
        assert_eq!(country_of(text, Some(1973)), ["SU", "DE-W"]);
        assert_eq!(country_of(text, Some(2019)), ["SU", "DE"]);
        assert_eq!(country_of(text, None), ["SU", "DE"]);
        // A name today's state alone bears stays today's state.
        assert_eq!(country_of("德国和法国。", Some(1965)), ["DE", "FR"]);
    }
}
