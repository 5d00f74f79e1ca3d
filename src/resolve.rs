//! The resolve stage: mentions of one document become entities with stable IRIs.
//!
//! The entry point is [`resolve`]. Gazetteer keys give ids, labels and Wikidata ids; one-character
//! country forms take the candidate the document names most; short and long forms of one treaty,
//! leader, body or project share a canonical key.

use crate::extract::lexicon::Lexicon;
use crate::extract::{Key, Mention};
use crate::model::{Date, Entity, EntityDetail, Kind};
use crate::vocab;
use std::collections::BTreeMap;

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
    let mentions = &leaders_in_context(mentions, lexicon, date);
    let g = lexicon.gazetteer;
    let mut named_counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in mentions {
        if let Key::Country(i) = m.key {
            *named_counts.entry(i).or_default() += 1;
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
                let index = add_entity(&mut out.entities, &mut by_iri, describe(m, lexicon, &named_counts));
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
    out
}

/// The mentions with each gazetteer leader checked against its context. The leaders sharing the
/// name (布什, 约翰逊, 卡斯特罗) are the candidates; a country the text gives (洪都拉斯总统卡斯特罗)
/// keeps those of that country, and the document's year those in office then (约翰逊 in 2019 is
/// Boris Johnson, not Lyndon B. Johnson). Where no candidate is of the stated country, or a name
/// stated with an office matches nobody in office that year, the name is a new person (with the
/// country the text gives); a name without office keeps the candidate nearest in time (a
/// recollection of 尼克松 in 2022 is still Nixon).
fn leaders_in_context(mentions: &[Mention], lexicon: &Lexicon, date: Option<Date>) -> Vec<Mention> {
    let g = lexicon.gazetteer;
    let mut choice: BTreeMap<usize, Option<usize>> = BTreeMap::new();
    for m in mentions {
        let Key::Leader(i) = m.key else { continue };
        if choice.contains_key(&i) {
            continue;
        }
        let same: Vec<&Mention> = mentions.iter().filter(|x| x.key == m.key).collect();
        let country = same.iter().find_map(|x| x.country).map(|c| g.countries[c].id.as_str());
        let with_office = same.iter().any(|x| x.office.is_some());
        let named = |j: usize| {
            let l = &g.leaders[j];
            l.zh == g.leaders[i].zh || same.iter().any(|x| l.zh == x.surface || l.names.contains(&x.surface))
        };
        let mut candidates: Vec<usize> = (0..g.leaders.len()).filter(|&j| named(j)).collect();
        // The gazetteer's own choice first, so it wins among equals.
        candidates.sort_by_key(|&j| j != i);
        if let Some(c) = country {
            candidates.retain(|&j| g.leaders[j].country.as_deref() == Some(c));
        }
        let chosen = match date.map(|d| d.year) {
            Some(year) => match candidates.iter().find(|&&j| g.leaders[j].in_office(year, 1)) {
                Some(&j) => Some(j),
                None if with_office => None,
                None => candidates.iter().copied().min_by_key(|&j| years_apart(&g.leaders[j], year)),
            },
            None => candidates.first().copied(),
        };
        choice.insert(i, chosen);
    }
    mentions
        .iter()
        .map(|m| {
            let mut m = m.clone();
            if let Key::Leader(i) = m.key {
                m.key = match choice.get(&i).copied().flatten() {
                    Some(j) => Key::Leader(j),
                    None => Key::Name(crate::extract::leaders::name_key(&m.surface)),
                };
            }
            m
        })
        .collect()
}

/// How many years lie between `year` and the leader's time in office.
fn years_apart(l: &crate::reference::Leader, year: i32) -> i32 {
    match (l.from, l.to) {
        (Some(from), _) if year < from => from - year,
        (_, Some(to)) if year > to => year - to,
        _ => 0,
    }
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

fn describe(m: &Mention, lexicon: &Lexicon, named_counts: &BTreeMap<usize, usize>) -> Entity {
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
                iri: vocab::entity("treaty", &treaty_key(&t.zh, lexicon)),
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
            Kind::Treaty => plain(Kind::Treaty, "treaty", &treaty_key(name, lexicon)),
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
    Some(describe(&m, lexicon, &BTreeMap::new()))
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

/// A document that is itself a statement, communiqué or declaration is a treaty its parties issue.
pub fn document_treaty(title: &str, lexicon: &Lexicon) -> Option<Entity> {
    let doc_type = lexicon.words.issued_endings.iter().find(|t| title.ends_with(*t))?;
    let parties = countries_in_title(title, lexicon);
    Some(Entity {
        kind: Kind::Treaty,
        iri: vocab::entity("treaty", &treaty_key(title, lexicon)),
        label_zh: title.to_owned(),
        label_en: None,
        wikidata: None,
        country: None,
        office: None,
        detail: EntityDetail { doc_type: Some((*doc_type).to_owned()), parties, ..EntityDetail::default() },
    })
}

/// The canonical key of a treaty title: country names as their one-character forms, 政府 and the
/// connectors between parties dropped, standard contractions applied, so short and long forms meet.
pub fn treaty_key(title: &str, lexicon: &Lexicon) -> String {
    let mut key = String::new();
    let mut last = 0;
    for hit in lexicon.find(title) {
        if let crate::extract::lexicon::Entry::Country(i) = hit.entry {
            key.push_str(&title[last..hit.start]);
            match lexicon.gazetteer.countries[i].abbrev.first() {
                Some(c) => key.push(*c),
                None => key.push_str(&title[hit.start..hit.end]),
            }
            last = hit.end;
        }
    }
    key.push_str(&title[last..]);
    let mut key = key.replace("政府", "").replace("经济贸易", "经贸").replace("科学技术", "科技");
    let abbrev = &lexicon.abbrev_chars;
    loop {
        let chars: Vec<char> = key.chars().collect();
        let joint = (1..chars.len().saturating_sub(1)).find(|&i| {
            matches!(chars[i], '和' | '与' | '同' | '、')
                && abbrev.contains(chars[i - 1])
                && abbrev.contains(chars[i + 1])
        });
        match joint {
            Some(i) => key = chars[..i].iter().chain(&chars[i + 1..]).collect(),
            None => break,
        }
    }
    key
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
        // A name stated with an office nobody of that name held that year is nobody known.
        assert!(!leader_iri("美国总统约翰逊表示。", Some(2019))[0].ends_with("johnson"));
        // A recollection without office is still the leader nearest in time.
        assert!(leader_iri("尼克松访华五十年后,各方仍在回顾。", Some(2022))[0].ends_with("/richard-nixon"));
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
}
