//! Reference knowledge: countries, organizations, leaders and offices, loaded from the TSV files in
//! `ontology/gazetteer/` (compiled into the binary). The entry point is [`Gazetteer::embedded`].

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
}

/// An office title that stands next to a leader's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub zh: String,
    pub en: String,
    pub rank: String,
    pub head: bool,
}

/// All reference knowledge, with lookups by id and by Chinese name.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub leaders: Vec<Leader>,
    pub offices: Vec<Office>,
    country_by_id: HashMap<String, usize>,
}

/// A malformed gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("gazetteer `{file}` line {line}: {message}")]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_sources(
        include_str!("../ontology/gazetteer/countries.tsv"),
        include_str!("../ontology/gazetteer/organizations.tsv"),
        include_str!("../ontology/gazetteer/leaders.tsv"),
        include_str!("../ontology/gazetteer/offices.tsv"),
    )
    .expect("the embedded gazetteer is valid (checked by a unit test)")
});

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Parses the four TSV sources.
    pub fn from_sources(
        countries: &str,
        organizations: &str,
        leaders: &str,
        offices: &str,
    ) -> Result<Self, GazetteerError> {
        let countries = rows("countries.tsv", countries, 8)?
            .into_iter()
            .map(|f| Country {
                id: f[0].clone(),
                iso3: f[1].clone(),
                wikidata: non_empty(&f[2]),
                en: f[3].clone(),
                zh: f[4].clone(),
                names: list(&f[5]),
                abbrev: f[6].split('|').filter_map(|s| s.trim().chars().next()).collect(),
                status: f[7].clone(),
            })
            .collect::<Vec<_>>();
        let organizations = rows("organizations.tsv", organizations, 7)?
            .into_iter()
            .map(|f| Organization {
                id: f[0].clone(),
                wikidata: non_empty(&f[1]),
                en: f[2].clone(),
                zh: f[3].clone(),
                names: list(&f[4]),
                country: non_empty(&f[5]),
                org_type: f[6].clone(),
            })
            .collect();
        let leaders = rows("leaders.tsv", leaders, 9)?
            .into_iter()
            .map(|f| Leader {
                id: f[0].clone(),
                wikidata: non_empty(&f[1]),
                en: f[2].clone(),
                zh: f[3].clone(),
                names: list(&f[4]),
                country: non_empty(&f[5]),
                offices: list(&f[6]),
            })
            .collect();
        let offices = rows("offices.tsv", offices, 4)?
            .into_iter()
            .map(|f| Office { zh: f[0].clone(), en: f[1].clone(), rank: f[2].clone(), head: f[3] == "yes" })
            .collect();
        let country_by_id = countries.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        Ok(Self { countries, organizations, leaders, offices, country_by_id })
    }

    /// The index of the country with this id.
    pub fn country_index(&self, id: &str) -> Option<usize> {
        self.country_by_id.get(id).copied()
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

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn list(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Data rows of a TSV source (header and `#` comments skipped), each with exactly `width` fields.
fn rows(file: &str, source: &str, width: usize) -> Result<Vec<Vec<String>>, GazetteerError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in source.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_owned()).collect();
        if fields.len() != width {
            return Err(GazetteerError {
                file: file.to_owned(),
                line: i + 1,
                message: format!("expected {width} tab-separated fields, found {}", fields.len()),
            });
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        out.push(fields);
    }
    Ok(out)
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
    fn rejects_a_row_with_missing_fields() {
        let err = Gazetteer::from_sources("id\tiso3\nCN\tCHN\n", "", "", "").unwrap_err();
        assert_eq!(err.file, "countries.tsv");
        assert_eq!(err.line, 1);
    }
}
