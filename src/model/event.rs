//! Events: which facts several documents can report as one, and what identifies one (who, where,
//! when), never the document. [`Fact::event_identity`] is the entry point; `emit` turns an identity
//! into the event's IRI.
//!
//! A visit is its visitors, its host countries and the month it began (or ended, when only its end is
//! known): reports of one visit date it a day or two apart (the arrival, the talks, the departure), and
//! a month keeps them together; a visit across a month's end (30 September to 2 October) that one
//! report dates by its start and another only by its end falls into two events, which is rarer than
//! reports a day apart. A report that gives its visit no date is placed in the month of the report
//! itself (习近平对尼泊尔的国事访问取得圆满成功 in an issue of 14 October): a visit is reported while
//! it happens or days around it. A meeting is its participants and its day (its month when no day is known):
//! two leaders can meet twice in a month. A signing is its treaty, the treaty's parties and the year;
//! a partnership level is its two partners and the level. Any other fact (citation, position,
//! cooperation, participation, forum), a visit with no month in an undated report, one of several
//! undated earlier visits a count tells (曾两次访华) and a meeting with no month is a statement of its
//! document alone.

use super::{Date, Fact, FactDetail, FactKind, Precision, Role};

/// What makes two reports one event: the kind, groups of entities (each sorted when emitted, the
/// groups in this order), a worded detail and a time bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventIdentity<'a> {
    pub kind: FactKind,
    /// Entity indices of the document, by role group (visitors, then hosts; participants; partners).
    pub groups: Vec<Vec<usize>>,
    /// The partnership level.
    pub what: Option<&'a str>,
    /// The month, day or year that places the event, as it appears in its IRI.
    pub when: Option<Date>,
}

impl Fact {
    /// The identity of the event this fact reports, or `None` when it is a statement of its document
    /// alone. `treaty_parties` gives the parties of a treaty entity (for signings); `reported` is the
    /// date of the report, which places a visit it gives no date.
    pub fn event_identity<'a>(
        &'a self,
        treaty_parties: impl Fn(usize) -> Vec<usize>,
        reported: Option<Date>,
    ) -> Option<EventIdentity<'a>> {
        let group = |role: Role| self.with_role(role).collect::<Vec<_>>();
        let identity = |groups: Vec<Vec<usize>>, what, when| {
            groups.iter().all(|g| !g.is_empty()).then_some(EventIdentity {
                kind: self.kind,
                groups,
                what,
                when,
            })
        };
        match self.kind {
            FactKind::Visit => {
                let reported = reported.filter(|_| !self.recollected);
                let when = self.start.or(self.end).or(reported).and_then(month_of)?;
                identity(vec![group(Role::Visitor), group(Role::HostCountry)], None, Some(when))
            }
            FactKind::Meeting => {
                let when = self.start.filter(|d| d.precision() != Precision::Year)?;
                identity(vec![group(Role::Participant)], None, Some(when))
            }
            FactKind::Signing => {
                let when = Date::y(self.start?.year);
                let treaty = group(Role::Document);
                let parties: Vec<usize> = treaty.iter().flat_map(|&t| treaty_parties(t)).collect();
                identity(vec![treaty, parties], None, Some(when))
            }
            FactKind::Partnership => {
                let FactDetail::Partnership { level } = &self.detail else { return None };
                let partners = group(Role::Partner);
                (partners.len() >= 2).then_some(())?;
                identity(vec![partners], Some(level.as_str()), None)
            }
            _ => None,
        }
    }
}

/// The month of a date that names one.
fn month_of(date: Date) -> Option<Date> {
    Date::ym(date.year, date.month?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(start: Option<&str>, end: Option<&str>) -> Fact {
        let mut fact = Fact::new(FactKind::Visit, 0..1);
        fact.roles = vec![(Role::Visitor, 0), (Role::HostCountry, 1)];
        (fact.start, fact.end) = (start.and_then(Date::parse), end.and_then(Date::parse));
        fact
    }

    fn when(fact: &Fact) -> Option<String> {
        fact.event_identity(|_| Vec::new(), None).map(|i| i.when.map(|d| d.to_string()).unwrap_or_default())
    }

    #[test]
    fn visits_reported_days_apart_share_their_month() {
        assert_eq!(when(&visit(Some("2019-10-12"), Some("2019-10-13"))), Some("2019-10".into()));
        assert_eq!(when(&visit(None, Some("2019-10-13"))), Some("2019-10".into()), "only the end known");
        assert_eq!(when(&visit(Some("2019-10"), None)), Some("2019-10".into()));
        assert_eq!(when(&visit(Some("2019"), None)), None, "a year is no month");
        assert_eq!(when(&visit(None, None)), None, "undated in an undated report stays with its document");
        let reported = |fact: &Fact, on: &str| {
            fact.event_identity(|_| Vec::new(), Date::parse(on)).and_then(|i| i.when).map(|d| d.to_string())
        };
        assert_eq!(reported(&visit(None, None), "2019-10-14"), Some("2019-10".into()), "the report's month");
        assert_eq!(
            reported(&visit(Some("2018-07"), None), "2019-10-14"),
            Some("2018-07".into()),
            "a visit's own date wins"
        );
        assert_eq!(reported(&visit(Some("2016"), None), "2019-10-14"), None, "a year stays a year");
        let mut recollected = visit(None, None);
        recollected.recollected = true;
        assert_eq!(
            reported(&recollected, "2019-10-14"),
            None,
            "one of visits counted is of no report's month"
        );
    }

    #[test]
    fn meetings_keep_their_day_and_statements_stay_with_their_document() {
        let mut meeting = Fact::new(FactKind::Meeting, 0..1);
        meeting.roles = vec![(Role::Participant, 2), (Role::Participant, 1)];
        meeting.start = Date::parse("2019-10-12");
        assert_eq!(when(&meeting), Some("2019-10-12".into()));
        let mut citation = Fact::new(FactKind::Citation, 0..1);
        citation.roles = vec![(Role::Document, 0)];
        citation.start = Date::parse("2019-10-12");
        assert_eq!(when(&citation), None);
    }

    #[test]
    fn signings_take_the_treaty_parties_and_partnerships_the_level() {
        let mut signing = Fact::new(FactKind::Signing, 0..1);
        signing.roles = vec![(Role::Document, 4)];
        signing.start = Date::parse("2019-10-13");
        let identity = signing.event_identity(|t| if t == 4 { vec![6, 5] } else { Vec::new() }, None);
        assert_eq!(identity.map(|i| i.groups), Some(vec![vec![4], vec![6, 5]]));
        assert!(
            signing.event_identity(|_| Vec::new(), None).is_none(),
            "a treaty with no parties is no event"
        );
        let mut partnership = Fact::new(FactKind::Partnership, 0..1);
        partnership.roles = vec![(Role::Partner, 1), (Role::Partner, 0)];
        partnership.detail = FactDetail::Partnership { level: "战略合作伙伴关系".into() };
        let identity = partnership.event_identity(|_| Vec::new(), None);
        assert_eq!(identity.and_then(|i| i.what), Some("战略合作伙伴关系"));
    }
}
