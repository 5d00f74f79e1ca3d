//! The gazetteer: countries, organizations, leaders, offices, well-known treaties and initiatives,
//! places and the blocklist, read from the TSV files in `ontology/gazetteer/` (compiled into the
//! binary). The entry point is [`Gazetteer::embedded`].

use super::tsv::{read, ReferenceError, Row, Schema};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A sovereign state, current or historical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub id: String,
    pub iso3: String,
    pub wikidata: Option<String>,
    pub en: String,
    pub zh: String,
    pub names: Vec<String>,
    /// One-character forms used in compounds (中俄) and `X方` forms.
    pub abbrev: Vec<char>,
    pub status: String,
    /// For a historical state, the ids of today's states whose land it held (苏联: 俄罗斯, 乌克兰 …).
    pub parts: Vec<String>,
    /// For a historical state, the year it ended (联邦德国: 1990): a name it shares with today's state
    /// (德意志联邦共和国) means it in documents of earlier years.
    pub until: Option<i32>,
}

/// An international organization or a national body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub id: String,
    pub wikidata: Option<String>,
    pub en: String,
    pub zh: String,
    pub names: Vec<String>,
    /// Country id for national bodies.
    pub country: Option<String>,
    pub org_type: String,
}

/// A well-known office holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub id: String,
    pub wikidata: Option<String>,
    pub en: String,
    pub zh: String,
    pub names: Vec<String>,
    pub country: Option<String>,
    pub offices: Vec<String>,
    /// The first and last years over the listed offices (`to` is `None` while in office).
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Leader {
    /// True when the leader held one of the listed offices in `year` (give or take `slack` years);
    /// a leader without years agrees with every year.
    pub fn in_office(&self, year: i32, slack: i32) -> bool {
        self.from.is_none_or(|from| from - slack <= year) && self.to.is_none_or(|to| year <= to + slack)
    }
}

/// An office title that stands next to a leader's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub zh: String,
    pub en: String,
    pub rank: String,
    pub head: bool,
}

/// A well-known treaty cited without brackets (联合国宪章).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownTreaty {
    pub zh: String,
    pub en: String,
    pub wikidata: Option<String>,
    /// Other names (official titles).
    pub names: Vec<String>,
}

/// A well-known initiative (一带一路) with its proposing country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownInitiative {
    pub zh: String,
    pub en: String,
    pub wikidata: Option<String>,
    pub proposer: Option<String>,
    /// Other names (official titles).
    pub names: Vec<String>,
}

/// A city, province, sea or region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub zh: String,
    pub en: String,
    pub country: Option<String>,
    pub kind: String,
    pub names: Vec<String>,
}

/// All reference knowledge about the world, with lookups by id.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub leaders: Vec<Leader>,
    pub offices: Vec<Office>,
    pub treaties: Vec<KnownTreaty>,
    pub initiatives: Vec<KnownInitiative>,
    pub places: Vec<Place>,
    /// Words that contain a country name but name something else (努尔苏丹, 印度洋).
    pub blocklist: Vec<String>,
    country_by_id: HashMap<String, usize>,
    leader_by_id: HashMap<String, usize>,
}

/// The text of each gazetteer file.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub organizations: &'a str,
    pub leaders: &'a str,
    pub offices: &'a str,
    pub treaties: &'a str,
    pub initiatives: &'a str,
    pub places: &'a str,
    pub blocklist: &'a str,
}

impl Sources<'static> {
    /// The files in `ontology/gazetteer/`, compiled into the binary.
    pub const EMBEDDED: Sources<'static> = Sources {
        countries: include_str!("../../ontology/gazetteer/countries.tsv"),
        organizations: include_str!("../../ontology/gazetteer/organizations.tsv"),
        leaders: include_str!("../../ontology/gazetteer/leaders.tsv"),
        offices: include_str!("../../ontology/gazetteer/offices.tsv"),
        treaties: include_str!("../../ontology/gazetteer/treaties.tsv"),
        initiatives: include_str!("../../ontology/gazetteer/initiatives.tsv"),
        places: include_str!("../../ontology/gazetteer/places.tsv"),
        blocklist: include_str!("../../ontology/gazetteer/blocklist.tsv"),
    };
}

const COUNTRIES: Schema<'static> = Schema {
    columns: &["id", "iso3", "wikidata", "en", "zh", "names", "abbrev", "status", "parts", "until"],
    required: &["id", "en", "zh", "status"],
    key: Some("id"),
    flags: &[],
};
const ORGANIZATIONS: Schema<'static> = Schema {
    columns: &["id", "wikidata", "en", "zh", "names", "country", "type"],
    required: &["id", "en", "zh", "type"],
    key: Some("id"),
    flags: &[],
};
const LEADERS: Schema<'static> = Schema {
    columns: &["id", "wikidata", "en", "zh", "names", "country", "office", "from", "to"],
    required: &["id", "en", "zh", "office"],
    key: Some("id"),
    flags: &[],
};
const OFFICES: Schema<'static> = Schema {
    columns: &["zh", "en", "rank", "head"],
    required: &["zh", "en", "rank"],
    key: Some("zh"),
    flags: &["head"],
};
const TREATIES: Schema<'static> = Schema {
    columns: &["zh", "en", "wikidata", "names", "kind"],
    required: &["zh", "en", "kind"],
    key: Some("zh"),
    flags: &[],
};
const INITIATIVES: Schema<'static> = Schema {
    columns: &["zh", "en", "wikidata", "names", "proposer"],
    required: &["zh", "en"],
    key: Some("zh"),
    flags: &[],
};
const PLACES: Schema<'static> = Schema {
    columns: &["zh", "en", "country", "kind", "names"],
    required: &["zh", "en", "kind"],
    key: Some("zh"),
    flags: &[],
};
const BLOCKLIST: Schema<'static> =
    Schema { columns: &["zh", "note"], required: &["zh"], key: Some("zh"), flags: &[] };

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_sources(&Sources::EMBEDDED)
        .expect("the embedded gazetteer is valid (checked by a unit test)")
});

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Parses the gazetteer files.
    pub fn from_sources(sources: &Sources<'_>) -> Result<Self, ReferenceError> {
        let list = |row: &Row<'_>, i: usize| row.list(i).map(str::to_owned).collect::<Vec<_>>();
        let countries = read("countries.tsv", sources.countries, &COUNTRIES)?
            .iter()
            .map(|f| Country {
                id: f.get(0).to_owned(),
                iso3: f.get(1).to_owned(),
                wikidata: f.optional(2),
                en: f.get(3).to_owned(),
                zh: f.get(4).to_owned(),
                names: list(f, 5),
                abbrev: f.list(6).filter_map(|s| s.chars().next()).collect(),
                status: f.get(7).to_owned(),
                parts: list(f, 8),
                until: f.optional(9).and_then(|y| y.parse().ok()),
            })
            .collect::<Vec<_>>();
        let organizations = read("organizations.tsv", sources.organizations, &ORGANIZATIONS)?
            .iter()
            .map(|f| Organization {
                id: f.get(0).to_owned(),
                wikidata: f.optional(1),
                en: f.get(2).to_owned(),
                zh: f.get(3).to_owned(),
                names: list(f, 4),
                country: f.optional(5),
                org_type: f.get(6).to_owned(),
            })
            .collect();
        let leaders: Vec<Leader> = read("leaders.tsv", sources.leaders, &LEADERS)?
            .iter()
            .map(|f| Leader {
                id: f.get(0).to_owned(),
                wikidata: f.optional(1),
                en: f.get(2).to_owned(),
                zh: f.get(3).to_owned(),
                names: list(f, 4),
                country: f.optional(5),
                offices: list(f, 6),
                from: f.optional(7).and_then(|y| y.parse().ok()),
                to: f.optional(8).and_then(|y| y.parse().ok()),
            })
            .collect();
        let offices = read("offices.tsv", sources.offices, &OFFICES)?
            .iter()
            .map(|f| Office {
                zh: f.get(0).to_owned(),
                en: f.get(1).to_owned(),
                rank: f.get(2).to_owned(),
                head: f.flag(3),
            })
            .collect();
        let treaties = read("treaties.tsv", sources.treaties, &TREATIES)?
            .iter()
            .map(|f| KnownTreaty {
                zh: f.get(0).to_owned(),
                en: f.get(1).to_owned(),
                wikidata: f.optional(2),
                names: list(f, 3),
            })
            .collect();
        let initiatives = read("initiatives.tsv", sources.initiatives, &INITIATIVES)?
            .iter()
            .map(|f| KnownInitiative {
                zh: f.get(0).to_owned(),
                en: f.get(1).to_owned(),
                wikidata: f.optional(2),
                proposer: f.optional(4),
                names: list(f, 3),
            })
            .collect();
        let places = read("places.tsv", sources.places, &PLACES)?
            .iter()
            .map(|f| Place {
                zh: f.get(0).to_owned(),
                en: f.get(1).to_owned(),
                country: f.optional(2),
                kind: f.get(3).to_owned(),
                names: list(f, 4),
            })
            .collect();
        let blocklist = read("blocklist.tsv", sources.blocklist, &BLOCKLIST)?
            .iter()
            .map(|f| f.get(0).to_owned())
            .collect();
        let country_by_id = countries.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let leader_by_id = leaders.iter().enumerate().map(|(i, l)| (l.id.clone(), i)).collect();
        Ok(Self {
            countries,
            organizations,
            leaders,
            offices,
            treaties,
            initiatives,
            places,
            blocklist,
            country_by_id,
            leader_by_id,
        })
    }

    /// The index of the country with this id.
    pub fn country_index(&self, id: &str) -> Option<usize> {
        self.country_by_id.get(id).copied()
    }

    /// The leader with this id (`xi-jinping`).
    pub fn leader(&self, id: &str) -> Option<&Leader> {
        self.leader_by_id.get(id).map(|&i| &self.leaders[i])
    }

    /// The index of the country a gazetteer organization belongs to.
    pub fn organization_country(&self, organization: usize) -> Option<usize> {
        self.organizations[organization].country.as_deref().and_then(|id| self.country_index(id))
    }

    /// The country with this id (`CN`, `RU`, `SU`).
    pub fn country(&self, id: &str) -> Option<&Country> {
        self.country_by_id.get(id).map(|&i| &self.countries[i])
    }

    /// The countries that use `c` as their one-character form.
    pub fn countries_with_abbrev(&self, c: char) -> impl Iterator<Item = &Country> {
        self.countries.iter().filter(move |country| country.abbrev.contains(&c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_gazetteer_loads_and_is_consistent() {
        let g = Gazetteer::embedded();
        assert!(g.countries.len() >= 195, "{} countries", g.countries.len());
        assert_eq!(g.country("CN").map(|c| c.zh.as_str()), Some("中国"));
        assert!(g.countries_with_abbrev('俄').any(|c| c.id == "RU"));
        let mut ids: Vec<&str> = g.countries.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), g.countries.len(), "country ids are unique");
        for org in &g.organizations {
            if let Some(country) = &org.country {
                assert!(
                    g.country(country).is_some(),
                    "organization {} names unknown country {country}",
                    org.id
                );
            }
        }
        for leader in &g.leaders {
            if let Some(country) = &leader.country {
                assert!(g.country(country).is_some(), "leader {} names unknown country {country}", leader.id);
            }
        }
    }

    #[test]
    fn every_embedded_file_loads() {
        let g = Gazetteer::from_sources(&Sources::EMBEDDED).expect("embedded gazetteer");
        assert!(
            g.offices.len() > 100 && g.places.len() > 700,
            "{} offices, {} places",
            g.offices.len(),
            g.places.len()
        );
        assert!(!g.treaties.is_empty() && !g.initiatives.is_empty() && !g.blocklist.is_empty());
    }

    #[test]
    fn a_bad_file_is_named_with_its_line() {
        let countries = "id\tiso3\twikidata\ten\tzh\tnames\tabbrev\tstatus\tparts\tuntil\nCN\tCHN\n";
        let err = Gazetteer::from_sources(&Sources { countries, ..Sources::EMBEDDED }).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("countries.tsv", 2));
        let places = "zh\ten\tcountry\tkind\tnames\n上海\tShanghai\tCN\t\t\n";
        let err = Gazetteer::from_sources(&Sources { places, ..Sources::EMBEDDED }).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("places.tsv", 2));
        assert!(err.message.contains("`kind` is empty"), "{err}");
    }
}
