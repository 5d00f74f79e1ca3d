//! The projection options shared by `analyze` and `export`.

use super::choice::choice;
use diplograph::graph::Projection;
use diplograph::model::{Date, Kind, Relation};

/// Which entities and relations to project into the graph.
#[derive(Debug, Clone, clap::Args)]
pub struct ProjectionArgs {
    /// Entity kinds to keep, comma-separated (any case)
    #[arg(long, value_delimiter = ',', value_parser = choice::<Kind>())]
    pub kinds: Vec<Kind>,
    /// Relations to keep, comma-separated (any case)
    #[arg(long, value_delimiter = ',', value_parser = choice::<Relation>())]
    pub relations: Vec<Relation>,
    /// Link entities mentioned in the same document (weight = shared documents) instead
    #[arg(long)]
    pub comention: bool,
    /// Only documents dated on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Only documents dated on or before this date (YYYY-MM-DD, YYYY-MM or YYYY: the whole month or year)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<Date>,
    /// Drop edges supported by fewer documents
    #[arg(long, default_value_t = 1)]
    pub min_weight: usize,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text.trim()).ok_or_else(|| "not a date of the form YYYY-MM-DD, YYYY-MM or YYYY".to_owned())
}

impl ProjectionArgs {
    /// The library's projection.
    pub fn projection(&self) -> Projection {
        Projection {
            kinds: self.kinds.clone(),
            relations: self.relations.clone(),
            comention: self.comention,
            since: self.since,
            until: self.until,
            min_weight: self.min_weight,
        }
    }
}
