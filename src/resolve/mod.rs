//! The resolve stage: mentions of one document become entities with stable IRIs.
//!
//! The entry point is [`resolve`]. Gazetteer keys give ids, labels and Wikidata ids; one-character
//! country forms take the candidate the document names most; short and long forms of one treaty,
//! leader, body or project share a canonical key.

use crate::extract::lexicon::Lexicon;
use crate::extract::{Key, Mention};
use crate::model::{Date, Entity, EntityDetail, Kind};
use crate::vocab;
use std::collections::{BTreeMap, BTreeSet};

mod leaders;
mod states;
mod treaties;

use leaders::leaders_in_context;
use states::states_in_time;

/// A date whose year was guessed from the years its document's body names (a dateline's month and
/// day with no issue date) is moved, when it lies before the year every known leader the document
/// names had come to office, to the latest year of `body_years` from then on, else to that year.
/// 新华社里约热内卢11月18日电 … 英国首相斯塔默 … 1972年，中英建交 is of 2024, not 1972.
pub fn year_not_before_leaders(
    date: Date,
    body_years: &[i32],
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Date {
    let Some(earliest) = leaders::earliest_year(mentions, lexicon) else { return date };
    if date.year >= earliest {
        return date;
    }
    let year = body_years.iter().copied().filter(|&y| y >= earliest).max().unwrap_or(earliest);
    // 2月29日 of a year that has none keeps the guess.
    match (date.month, date.day) {
        (Some(month), Some(day)) => Date::ymd(year, month, day).unwrap_or(date),
        _ => Date { year, ..date },
    }
}
pub use treaties::{document_treaty, treaty_key};

/// A document's entities and, for each mention, the index of its entity.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub mention_entity: Vec<usize>,
}

/// Resolves the mentions of one document.
pub fn resolve(mentions: &[Mention], lexicon: &Lexicon) -> Resolved {
    resolve_dated(mentions, lexicon, None)
}

/// Resolves the mentions of one document dated `date`: a name links to a known leader only if the
/// country the sentence gives and the date agree (see [`leaders_in_context`]).
pub fn resolve_dated(mentions: &[Mention], lexicon: &Lexicon, date: Option<Date>) -> Resolved {
    resolve_document(mentions, lexicon, "", date).0
}

/// Resolves the mentions of one document titled `title` and dated `date`, and gives the entity of
/// the document itself when it is a statement its parties issue (see [`document_treaty`]). A
/// treaty's key takes its year from its sentence (2019年签署的《…》), else from the one year the
/// document gives that title (its own date for its own title).
pub fn resolve_document(
    mentions: &[Mention],
    lexicon: &Lexicon,
    title: &str,
    date: Option<Date>,
) -> (Resolved, Option<usize>) {
    let mentions = &states_in_time(leaders_in_context(mentions, lexicon, date), lexicon, date);
    let g = lexicon.gazetteer;
    let mut named_counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in mentions {
        if let Key::Country(i) = m.key {
            *named_counts.entry(i).or_default() += 1;
        }
    }
    let country_of = |c: char| best_for_abbrev(c, lexicon, &named_counts);
    let own = document_treaty(title, lexicon, date, &country_of);
    let base = |name: &str| treaties::treaty_key_in(name, lexicon, &country_of);
    let mut years: BTreeMap<String, std::collections::BTreeSet<i32>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Treaty) {
        if let (Key::Name(name), Some(d)) = (&m.key, m.detail.date) {
            years.entry(base(name)).or_default().insert(d.year);
        }
    }
    if let (Some(d), Some(title)) = (date, own.as_ref().and(treaties::issued_title(title, lexicon))) {
        years.entry(base(title)).or_default().insert(d.year);
    }
    let treaty_key = |m: &Mention, name: &str| {
        let key = base(name);
        let only = years.get(&key).filter(|y| y.len() == 1).and_then(|y| y.first().copied());
        let year = m.detail.date.map(|d| d.year).or(only);
        treaties::dated(&key, year.map(|year| Date { year, month: None, day: None }))
    };
    // A name alone (萨利赫, 穆罕默德) is borne by people of many countries: the country the document
    // gives it is part of its IRI, so namesakes of two countries stay two leaders. Not China: a
    // Chinese name the Chinese press gives with its country (中共中央政治局委员、国务院副总理刘鹤) is
    // the one it gives without (国务院副总理刘鹤), and the two would be two leaders.
    let mut name_countries: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Leader) {
        if let (Key::Name(name), Some(c)) = (&m.key, m.country.filter(|&c| g.countries[c].id != "CN")) {
            name_countries.entry(name.as_str()).or_insert(c);
        }
    }
    let mut by_iri: BTreeMap<String, usize> = BTreeMap::new();
    // A gazetteer key always describes the same entity in one document: described once.
    let mut by_key: BTreeMap<&Key, usize> = BTreeMap::new();
    let mut out = Resolved::default();
    for m in mentions {
        let gazetteer_key = !matches!(m.key, Key::Name(_));
        let index = match by_key.get(&m.key).filter(|_| gazetteer_key) {
            Some(&i) => i,
            None => {
                let mut entity = describe(m, lexicon, &named_counts, &treaty_key);
                if let (Kind::Leader, Key::Name(name)) = (m.kind, &m.key) {
                    if let Some(&c) = name_countries.get(name.as_str()) {
                        let id = g.countries[c].id.to_lowercase();
                        entity.iri = vocab::entity("leader", &format!("{name}-{id}"));
                    }
                }
                let index = add_entity(&mut out.entities, &mut by_iri, entity);
                if gazetteer_key {
                    by_key.insert(&m.key, index);
                }
                index
            }
        };
        let e = &mut out.entities[index];
        if e.country.is_none() {
            e.country = m.country.map(|c| country_iri(&g.countries[c].id));
        }
        if e.office.is_none() {
            e.office.clone_from(&m.office);
        }
        let longer = m.surface.chars().count() > e.label_zh.chars().count();
        if longer && matches!(m.key, Key::Name(_)) && m.kind != Kind::Leader {
            e.label_zh = clean_label(&m.surface);
        }
        if m.kind == Kind::Leader && matches!(m.key, Key::Name(_)) && longer {
            e.label_zh = m.surface.clone();
        }
        out.mention_entity.push(index);
    }
    for (m, &index) in mentions.iter().zip(&out.mention_entity) {
        let proposer = m.detail.proposer.map(|j| out.entities[out.mention_entity[j]].iri.clone());
        let parties: Vec<String> =
            m.detail.parties.iter().filter_map(|k| party_iri(k, lexicon, &named_counts)).collect();
        let d = &mut out.entities[index].detail;
        if d.doc_type.is_none() {
            d.doc_type.clone_from(&m.detail.doc_type);
        }
        if d.date.is_none() {
            d.date = m.detail.date;
        }
        if d.proposer.is_none() {
            d.proposer = proposer;
        }
        for p in parties {
            if !d.parties.contains(&p) {
                d.parties.push(p);
            }
        }
    }
    // 国家主席胡锦涛同来访的肯尼亚总统举行会谈 names no China: the countries the document's leaders
    // represent are its entities too (without a mention), so a visit has its host.
    let represented: BTreeSet<String> = out
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Leader)
        .filter_map(|e| e.country.clone())
        .filter(|iri| !by_iri.contains_key(iri))
        .collect();
    for iri in represented {
        if let Some(i) = g.countries.iter().position(|c| country_iri(&c.id) == iri) {
            add_entity(&mut out.entities, &mut by_iri, country_entity(lexicon, i));
        }
    }
    let own = own.map(|entity| match out.entities.iter().position(|e| e.iri == entity.iri) {
        Some(i) => i,
        None => {
            out.entities.push(entity);
            out.entities.len() - 1
        }
    });
    (out, own)
}

/// The index of `entity` among `entities`, added unless one with its IRI is there.
fn add_entity(entities: &mut Vec<Entity>, by_iri: &mut BTreeMap<String, usize>, entity: Entity) -> usize {
    if let Some(&i) = by_iri.get(&entity.iri) {
        return i;
    }
    by_iri.insert(entity.iri.clone(), entities.len());
    entities.push(entity);
    entities.len() - 1
}

/// The IRI of a party named in a title: a country, or a one-character form resolved in context.
fn party_iri(key: &Key, lexicon: &Lexicon, named_counts: &BTreeMap<usize, usize>) -> Option<String> {
    let i = match key {
        Key::Country(i) => *i,
        Key::Abbrev(c) => best_for_abbrev(*c, lexicon, named_counts)?,
        _ => return None,
    };
    Some(country_iri(&lexicon.gazetteer.countries[i].id))
}

/// The country a one-character form stands for: the candidate the document names most, then the
/// one whose first form it is, then the one whose name starts with it.
fn best_for_abbrev(c: char, lexicon: &Lexicon, named_counts: &BTreeMap<usize, usize>) -> Option<usize> {
    let g = lexicon.gazetteer;
    (0..g.countries.len()).filter(|&i| g.countries[i].abbrev.contains(&c)).max_by_key(|&i| {
        let primary = g.countries[i].abbrev.first() == Some(&c);
        let starts = g.countries[i].zh.starts_with(c);
        (named_counts.get(&i).copied().unwrap_or(0), primary, starts, std::cmp::Reverse(i))
    })
}

fn country_iri(id: &str) -> String {
    vocab::entity("country", id)
}

fn clean_label(surface: &str) -> String {
    surface.trim_matches(['“', '”', '「', '」']).to_owned()
}

fn describe(
    m: &Mention,
    lexicon: &Lexicon,
    named_counts: &BTreeMap<usize, usize>,
    treaty_key: &dyn Fn(&Mention, &str) -> String,
) -> Entity {
    let g = lexicon.gazetteer;
    let plain = |kind: Kind, segment: &str, key: &str| Entity {
        kind,
        iri: vocab::entity(segment, key),
        label_zh: clean_label(&m.surface),
        label_en: None,
        wikidata: None,
        country: None,
        office: None,
        detail: EntityDetail::default(),
    };
    match &m.key {
        Key::Country(i) => country_entity(lexicon, *i),
        Key::Abbrev(c) => country_entity(lexicon, best_for_abbrev(*c, lexicon, named_counts).unwrap_or(0)),
        Key::Organization(i) => {
            let o = &g.organizations[*i];
            Entity {
                kind: Kind::Organization,
                iri: vocab::entity("org", &o.id),
                label_zh: o.zh.clone(),
                label_en: Some(o.en.clone()).filter(|s| !s.is_empty()),
                wikidata: o.wikidata.clone(),
                country: o.country.as_deref().map(country_iri),
                office: None,
                detail: EntityDetail::default(),
            }
        }
        Key::Leader(i) => {
            let l = &g.leaders[*i];
            Entity {
                kind: Kind::Leader,
                iri: vocab::entity("leader", &l.id),
                label_zh: l.zh.clone(),
                label_en: Some(l.en.clone()).filter(|s| !s.is_empty()),
                wikidata: l.wikidata.clone(),
                country: l.country.as_deref().map(country_iri),
                office: None,
                detail: EntityDetail::default(),
            }
        }
        Key::Treaty(i) => {
            let t = &lexicon.treaties[*i];
            Entity {
                kind: Kind::Treaty,
                iri: vocab::entity("treaty", &self::treaty_key(&t.zh, lexicon)),
                label_zh: t.zh.clone(),
                label_en: Some(t.en.clone()).filter(|s| !s.is_empty()),
                wikidata: t.wikidata.clone(),
                country: None,
                office: None,
                detail: EntityDetail::default(),
            }
        }
        Key::Initiative(i) => {
            let t = &lexicon.initiatives[*i];
            Entity {
                kind: Kind::Initiative,
                iri: vocab::entity("initiative", &t.zh),
                label_zh: t.zh.clone(),
                label_en: Some(t.en.clone()).filter(|s| !s.is_empty()),
                wikidata: t.wikidata.clone(),
                country: t.proposer.as_deref().map(country_iri),
                office: None,
                detail: EntityDetail::default(),
            }
        }
        Key::Name(name) => match m.kind {
            Kind::Treaty => plain(Kind::Treaty, "treaty", &treaty_key(m, name)),
            Kind::Leader => plain(Kind::Leader, "leader", name),
            Kind::Organization => organization_by_name(m, name, lexicon)
                .unwrap_or_else(|| plain(Kind::Organization, "org", name)),
            Kind::Project => plain(Kind::Project, "project", &project_key(name)),
            Kind::Initiative => plain(Kind::Initiative, "initiative", &clean_label(name)),
            Kind::Country => plain(Kind::Country, "country", name),
        },
    }
}

fn country_entity(lexicon: &Lexicon, i: usize) -> Entity {
    let c = &lexicon.gazetteer.countries[i];
    Entity {
        kind: Kind::Country,
        iri: country_iri(&c.id),
        label_zh: c.zh.clone(),
        label_en: Some(c.en.clone()).filter(|s| !s.is_empty()),
        wikidata: c.wikidata.clone(),
        country: None,
        office: None,
        detail: EntityDetail::default(),
    }
}

/// A body named with its country (中华人民共和国商务部) is the gazetteer body of that country.
fn organization_by_name(m: &Mention, name: &str, lexicon: &Lexicon) -> Option<Entity> {
    let g = lexicon.gazetteer;
    let country = m.country.map(|c| &g.countries[c])?;
    let prefix = std::iter::once(&country.zh)
        .chain(country.names.iter())
        .filter(|n| name.starts_with(n.as_str()))
        .max_by_key(|n| n.len())?;
    let rest = &name[prefix.len()..];
    let i = g.organizations.iter().position(|o| {
        o.country.as_deref() == Some(country.id.as_str())
            && (o.zh == rest || o.names.iter().any(|n| n == rest) || o.zh == name)
    })?;
    let mut m = m.clone();
    m.key = Key::Organization(i);
    Some(describe(&m, lexicon, &BTreeMap::new(), &|_, name| treaty_key(name, lexicon)))
}

/// The IRIs of the countries a title names by name, each once, in order.
pub fn countries_in_title(title: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    for hit in lexicon.find(title) {
        if let crate::extract::lexicon::Entry::Country(i) = hit.entry {
            let iri = country_iri(&lexicon.gazetteer.countries[i].id);
            if !countries.contains(&iri) {
                countries.push(iri);
            }
        }
    }
    countries
}

fn project_key(name: &str) -> String {
    let name = clean_label(name).replace(['“', '”'], "");
    match name.strip_suffix("项目") {
        Some(rest) if rest.chars().count() >= 3 && !rest.starts_with('援') => rest.to_owned(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_treaty_titles_meet() {
        let lexicon = Lexicon::get();
        assert_eq!(
            treaty_key("中华人民共和国和俄罗斯联邦睦邻友好合作条约", lexicon),
            treaty_key("中俄睦邻友好合作条约", lexicon)
        );
        assert_eq!(
            treaty_key("中华人民共和国和蒙古国经济贸易合作中期发展纲要", lexicon),
            treaty_key("中蒙经贸合作中期发展纲要", lexicon)
        );
    }

    fn leader_iri(text: &str, year: Option<i32>) -> Vec<String> {
        let lexicon = Lexicon::get();
        let mentions = crate::extract::extract(text, lexicon);
        let date = year.map(|year| Date { year, month: None, day: None });
        let resolved = resolve_dated(&mentions, lexicon, date);
        resolved.entities.iter().filter(|e| e.kind == Kind::Leader).map(|e| e.iri.clone()).collect()
    }

    #[test]
    fn a_name_links_to_the_leader_of_its_country_and_time() {
        assert!(leader_iri("英国首相约翰逊表示。", Some(2020))[0].ends_with("/boris-johnson"));
        assert!(leader_iri("美国总统约翰逊表示。", Some(1965))[0].ends_with("/lyndon-b-johnson"));
        assert!(leader_iri("美国总统布什表示。", Some(2002))[0].ends_with("/george-w-bush"));
        assert!(leader_iri("美国总统布什表示。", Some(1990))[0].ends_with("/george-h-w-bush"));
        // Another country's holder of the name is a new person of that country.
        let iri = leader_iri("洪都拉斯总统卡斯特罗表示。", Some(2023));
        assert!(!iri[0].ends_with("/fidel-castro"), "{iri:?}");
        // A country's long name that takes the first characters of the office (瑞士联邦 of 联邦主席)
        // still gives the country: not Romania's 毛雷尔 of 1958-1974.
        assert!(leader_iri("瑞士联邦主席毛雷尔会见王毅。", Some(2019))[0].ends_with("/毛雷尔-ch"));
        assert!(leader_iri("约翰逊首相表示。", Some(2019))[0].ends_with("/boris-johnson"));
        // A full name written otherwise than any known form is still chosen by time.
        let marcos = "菲律宾总统费迪南德·罗穆亚尔德斯·马科斯表示。";
        assert!(leader_iri(marcos, Some(2023))[0].ends_with("/ferdinand-marcos-jr"));
        assert!(leader_iri(marcos, Some(1975))[0].ends_with("/ferdinand-marcos"));
        // A past leader recalled with the office is still that leader.
        assert!(leader_iri("1954年中国总理周恩来访问印度。", Some(2024))[0].ends_with("/zhou-enlai"));
        // A recollection without office is still the leader nearest in time.
        assert!(leader_iri("尼克松访华五十年后,各方仍在回顾。", Some(2022))[0].ends_with("/richard-nixon"));
    }

    #[test]
    fn a_surname_and_office_is_the_holder_of_its_time_apart_from_full_names() {
        assert!(leader_iri("李总理表示。", Some(1995))[0].ends_with("/li-peng"));
        assert!(leader_iri("李总理表示。", Some(2019))[0].ends_with("/li-keqiang"));
        let both = leader_iri("李鹏总理曾访问。李总理表示。", Some(2019));
        assert_eq!(both.len(), 2, "{both:?}");
        assert!(
            both.iter().any(|i| i.ends_with("/li-peng")) && both.iter().any(|i| i.ends_with("/li-keqiang"))
        );
        // A leader in office whom the document names in full is the one so named, not the other
        // holder of the office that year.
        let lee = leader_iri("新加坡总理李显龙将访问美国。李总理表示。", Some(2022));
        assert!(lee.iter().all(|i| i.ends_with("/lee-hsien-loong")), "{lee:?}");
    }

    #[test]
    fn a_compound_form_in_a_title_is_the_documents_party() {
        let lexicon = Lexicon::get();
        let iri = |text: &str| {
            let mentions = crate::extract::extract(text, lexicon);
            let (resolved, _) = resolve_document(&mentions, lexicon, "", None);
            resolved.entities.iter().find(|e| e.kind == Kind::Treaty).map(|e| e.iri.clone())
        };
        let argentina = iri("阿根廷共和国总统访华。双方发表《中阿关于深化全面战略伙伴关系的联合声明》。");
        let algeria =
            iri("阿尔及利亚民主人民共和国总统访华。双方发表《中阿关于深化全面战略伙伴关系的联合声明》。");
        assert!(argentina.is_some() && algeria.is_some());
        assert_ne!(argentina, algeria);
    }

    #[test]
    fn ambiguous_forms_follow_the_document() {
        let lexicon = Lexicon::get();
        let text = "乌兹别克斯坦共和国总统访华。中乌关系";
        let mentions = crate::extract::extract(text, lexicon);
        let resolved = resolve(&mentions, lexicon);
        let uz: Vec<&Entity> = resolved
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Country && e.label_zh.contains("乌"))
            .collect();
        assert_eq!(uz.len(), 1, "{:?}", resolved.entities);
        assert!(uz[0].iri.ends_with("/UZ"));
    }

    #[test]
    fn one_name_of_two_countries_is_two_leaders() {
        let sudan = leader_iri("苏丹外交部长穆罕默德表示。", Some(2019));
        let somalia = leader_iri("索马里总统穆罕默德表示。", Some(2019));
        assert_eq!(sudan.len(), 1);
        assert_ne!(sudan, somalia);
        assert!(sudan[0].ends_with("/穆罕默德-sd"), "{sudan:?}");
        // China's own officials keep the name alone, given with their country or not.
        assert_eq!(
            leader_iri("中国外交部发言人耿爽表示。", Some(2019)),
            leader_iri("外交部发言人耿爽表示。", Some(2019))
        );
        // No country given: the name alone.
        assert!(leader_iri("同穆罕默德总统会谈。", Some(2019))[0].ends_with("/穆罕默德"));
    }
}
