//! The projection options shared by `analyze` and `export`.

use diplograph::graph::Projection;

/// Which entities and relations to project into the graph.
#[derive(Debug, Clone, clap::Args)]
pub struct ProjectionArgs {
    /// Entity kinds to keep, comma-separated (Country,Leader,Treaty,Organization,Project,Initiative)
    #[arg(long, value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Relations to keep, comma-separated (visited,met,partnerOf,supports,welcomes,opposes,proposes,
    /// cooperatesIn,participatesIn,leaderOf,party,proposedBy,country)
    #[arg(long, value_delimiter = ',')]
    pub relations: Vec<String>,
    /// Link entities mentioned in the same document (weight = shared documents) instead
    #[arg(long)]
    pub comention: bool,
    /// Only documents dated on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only documents dated on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Drop edges supported by fewer documents
    #[arg(long, default_value_t = 1)]
    pub min_weight: usize,
}

impl ProjectionArgs {
    /// The library's projection.
    pub fn projection(&self) -> anyhow::Result<Projection> {
        for date in self.since.iter().chain(&self.until) {
            let ok = date.len() == 10
                && date
                    .chars()
                    .enumerate()
                    .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
            anyhow::ensure!(ok, "`{date}` is not a date of the form YYYY-MM-DD");
        }
        Ok(Projection {
            kinds: self.kinds.clone(),
            relations: self.relations.clone(),
            comention: self.comention,
            since: self.since.clone(),
            until: self.until.clone(),
            min_weight: self.min_weight,
        })
    }
}
