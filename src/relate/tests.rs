//! Tests of relation extraction: facts of sentences written for each rule, as readable strings.

use super::*;
use crate::extract::{extract, lexicon::Lexicon};
use crate::model::{FactKind, Role};
use crate::resolve::resolve;

/// Facts of `text` as readable strings: kind, then role=label pairs, then the label and dates.
fn facts_of(text: &str, title: &str) -> Vec<String> {
    facts_dated(text, title, None)
}

/// [`facts_of`] in a document dated `date`.
pub(super) fn facts_dated(text: &str, title: &str, date: Option<&str>) -> Vec<String> {
    let lexicon = Lexicon::get();
    let mentions = extract(text, lexicon);
    let resolved = resolve(&mentions, lexicon);
    let date = date.and_then(Date::parse);
    let context = DocumentContext { title: title.to_owned(), date, ..DocumentContext::default() };
    relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &Rules::new(lexicon))
        .iter()
        .map(|f| {
            let roles: Vec<String> = f
                .roles
                .iter()
                .map(|(r, e)| format!("{}={}", r.name(), resolved.entities[*e].label_zh))
                .collect();
            let dates =
                [f.start, f.end].iter().flatten().map(|d| d.to_string()).collect::<Vec<_>>().join("..");
            format!("{} {} {} {dates}", f.kind.name(), roles.join(" "), f.detail.text().unwrap_or_default())
                .trim()
                .to_owned()
        })
        .collect()
}

#[test]
fn each_host_meets_the_guest_when_they_meet_separately() {
    let facts = facts_of("国家主席习近平、国务院总理李克强分别会见了巴基斯坦总统阿尔维。", "");
    let meetings: Vec<&String> = facts.iter().filter(|f| f.starts_with("Meeting")).collect();
    assert_eq!(meetings.len(), 2, "{facts:?}");
    assert!(meetings.iter().all(|m| m.matches("participant=").count() == 2), "{meetings:?}");
    let together = facts_of("国家主席习近平同巴基斯坦总统阿尔维举行会谈。", "");
    assert_eq!(together.iter().filter(|f| f.starts_with("Meeting")).count(), 1, "{together:?}");
}

/// The visits `text` states, as `facts_of` writes them.
fn visits(text: &str) -> Vec<String> {
    facts_of(text, "").into_iter().filter(|f| f.starts_with("Visit")).collect()
}

fn meetings_dated(text: &str, date: &str) -> Vec<String> {
    facts_dated(text, "", Some(date)).into_iter().filter(|f| f.starts_with("Meeting")).collect()
}

fn meetings_of(text: &str, title: &str) -> Vec<String> {
    facts_of(text, title).into_iter().filter(|f| f.starts_with("Meeting")).collect()
}

#[test]
fn talks_attended_are_those_of_the_leaders_of_the_countries_named() {
    let m = meetings_of(
        "印度总理莫迪邀请。外交部副部长罗照辉介绍国家主席习近平即将赴印度出席中印领导人第二次非正式会晤有关情况。",
        "",
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("习近平") && m[0].contains("莫迪") && !m[0].contains("罗照辉"), "{m:?}");
}

#[test]
fn both_heads_after_talks_in_the_sentence_are_those_who_met() {
    let m = meetings_of(
        "伊朗总统鲁哈尼、印度总理莫迪出席。习近平与普京在比什凯克举行会晤,这是两国元首今年第三次会晤。",
        "",
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("习近平") && m[0].contains("普京"), "{m:?}");
}

#[test]
fn each_verb_of_talks_is_its_own_meeting() {
    let m = meetings_of(
        "访问期间,国家主席习近平会见了德国总理朔尔茨,国务院总理李强与朔尔茨总理举行会谈,全国人大常委会委员长赵乐际会见了朔尔茨总理。",
        "",
    );
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m.iter().all(|f| f.matches("participant=").count() == 2), "{m:?}");
    // The object left out after 分别会见 is the guest of the clause before.
    let m =
        meetings_of("李强总理与朔尔茨总理举行会谈,全国人大常委会委员长赵乐际、国家副主席韩正分别会见。", "");
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m.iter().filter(|f| f.contains("朔尔茨")).count() == 3, "{m:?}");
}

#[test]
fn parts_after_a_semicolon_keep_their_subject_and_him_is_the_one_met() {
    let m = meetings_of(
        "访问期间,法国总统萨科齐同越共中央总书记农德孟举行会谈;与国家主席阮明哲举行会晤;会见政府总理阮晋勇、国会主席阮富仲。",
        "",
    );
    assert_eq!(m.len(), 4, "{m:?}");
    assert!(m.iter().all(|f| f.contains("萨科齐") && f.matches("participant=").count() == 2), "{m:?}");
    let m = meetings_of("访问期间,习近平主席将会见梅德韦杰夫总理,李克强总理将同他举行会谈。", "");
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m[1].contains("李克强") && m[1].contains("梅德韦杰夫"), "{m:?}");
    // 他们 is not one person; the one met after 同 is no subject for the clauses after.
    assert_eq!(meetings_of("习近平会见了两国代表,王毅同他们举行会谈。", "").len(), 0);
    let m = meetings_of("某国总统某某同国家主席胡锦涛举行会谈;与国务院总理温家宝举行会晤。", "");
    assert!(m.iter().all(|f| !(f.contains("胡锦涛") && f.contains("温家宝"))), "{m:?}");
}

#[test]
fn a_clause_without_subject_takes_the_sentences() {
    let m = meetings_of("习近平访问德国期间,将与德国总理朔尔茨举行会谈,并会见一些德国政要。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("习近平") && m[0].contains("朔尔茨"), "{m:?}");
    // A clause of time takes the subject after it; one host meeting guests separately meets each.
    let m = meetings_of("会见德国总理朔尔茨时,国家主席习近平表示。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    let m = meetings_of("外交部长王毅分别会见德国总理朔尔茨、法国总统马克龙。", "");
    assert_eq!(m.len(), 2, "{m:?}");
    // The one before 同 holds talks with each one listed after it when 分别 follows the list.
    let m =
        meetings_of("俄罗斯总统普京同哈萨克斯坦总统托卡耶夫、乌兹别克斯坦总统米尔济约耶夫分别举行会谈。", "");
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(
        m.iter().all(|m| m.contains("普京"))
            && !m.iter().any(|m| m.contains("托卡耶夫") && m.contains("米尔济约耶夫")),
        "{m:?}"
    );
    // An office of a standing committee is no mechanism of talks; a mechanism is no meeting.
    let m = meetings_of("全国人大常委会委员长赵乐际会见了德国总理朔尔茨。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(meetings_of("李强总理和朔尔茨总理同意完善两国总理定期会晤机制。", "").is_empty());
    // A name before a noun of talks is no party to them.
    assert!(meetings_of("发言人张三就李强总理出席会议、六方会谈等回答提问。", "").is_empty());
}

#[test]
fn both_premiers_are_the_parties_heads_and_one_meeting_is_counted_once() {
    let text = "缅甸总理吴努同中国总理周恩来交换意见。两国总理很高兴获有这次会晤的机会。";
    let m = meetings_of(text, "中华人民共和国和缅甸联邦联合声明");
    assert_eq!(m.len(), 1, "{m:?}");
    let text =
        "习近平同巴西总统卢拉举行会谈。习近平在会谈中指出,欢迎卢拉访华。习近平和卢拉会谈后出席签字仪式。";
    assert_eq!(meetings_of(text, "").len(), 1, "{:?}", meetings_of(text, ""));
}

#[test]
fn talks_told_as_past_take_no_day_and_talks_opening_a_sentence_are_those_just_told() {
    let meetings = |text: &str| {
        facts_dated(text, "", Some("2019-10-13"))
            .into_iter()
            .filter(|f| f.starts_with("Meeting"))
            .collect::<Vec<_>>()
    };
    // 会晤后 and 会晤成果 speak of talks before the report: no day of it.
    let m = meetings("特朗普总统和习近平主席在阿根廷举行重要会晤后,两国经贸团队抓紧落实两国元首共识。");
    assert!(m.len() == 1 && !m[0].contains("2019"), "{m:?}");
    // 会晤中 after them is the same talks, not talks of the report's day.
    let text =
        "习近平主席和莫迪总理在金奈举行的非正式会晤成果丰硕。会晤中,习近平主席和莫迪总理都强调文明联系。";
    let m = meetings(text);
    assert!(m.len() == 1 && !m[0].contains("2019"), "{m:?}");
    // The report's own talks keep its day.
    let m = meetings("习近平同印度总理莫迪举行会晤。会晤中,两位领导人都强调文明联系。");
    assert!(m.len() == 1 && m[0].ends_with("2019-10-13"), "{m:?}");
}

#[test]
fn calls_and_encounters_are_meetings_and_a_guests_companion_is_not_at_them() {
    let m = meetings_of("访柬期间,阮春福总理拜见柬埔寨国王诺罗敦·西哈莫尼。", "");
    assert!(m.len() == 1 && m[0].contains("西哈莫尼"), "{m:?}");
    let m = meetings_of("俄罗斯总统普京抵达平壤后与朝鲜国务委员长金正恩见面。", "");
    assert!(m.len() == 1 && m[0].contains("金正恩"), "{m:?}");
    let m = meetings_of("随阿尔韦托·藤森总统访华的秘鲁外长卡洛斯·托雷斯拜会了中国国务院总理李鹏。", "");
    assert!(m.len() == 1 && !m[0].contains("藤森"), "{m:?}");
    // Co-chairing a dialogue is talks; a call is a 会见 (meeting types are 会谈, 会见 or 会晤).
    let m = meetings_of(
        "2026年1月4日,王毅同巴基斯坦副总理兼外长穆罕默德·伊沙克·达尔在北京共同主持第七次中巴外长战略对话。",
        "",
    );
    assert!(m.len() == 1 && m[0].contains("达尔") && m[0].ends_with("会谈 2026-01-04..2026-01-04"), "{m:?}");
    let m = meetings_of("访柬期间,阮春福总理拜见柬埔寨国王诺罗敦·西哈莫尼。", "");
    assert!(m[0].ends_with("会见"), "{m:?}");
    // 团拜会 is a reception.
    assert!(meetings_of("李克强、栗战书等出席团拜会。", "").is_empty());
}

#[test]
fn headlines_views_receptions_and_counts_of_talks() {
    // A headline's 晤 between two names; 接见 as 会见.
    assert_eq!(meetings_of("习近平晤阿巴斯。", "").len(), 1);
    assert_eq!(meetings_of("毛泽东主席接见了柬埔寨首相福·波伦。", "").len(), 1);
    assert!(meetings_of("会晤机制运行良好。", "").is_empty());
    // Both heads exchanging views held talks, unless on the telephone or named elsewhere.
    let title = "中华人民共和国和巴勒斯坦国关于建立战略伙伴关系的联合声明";
    let visit = "应中华人民共和国主席习近平邀请,巴勒斯坦国总统阿巴斯对中国进行国事访问。";
    let m = meetings_of(&format!("{visit}两国元首就双边关系深入交换意见。"), title);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("习近平") && m[0].contains("阿巴斯"), "{m:?}");
    assert!(meetings_of(&format!("{visit}两国元首通电话,就双边关系交换意见。"), title).is_empty());
    let named = format!("{visit}2023年6月14日,两国元首举行会谈。两国元首就双边关系深入交换意见。");
    assert_eq!(meetings_of(&named, title).len(), 1);
    // In talks with someone (在与…的会谈中) is the next clause's subject's.
    let m = meetings_of("在与南非总统拉马福萨的会谈中,习近平指出,两国关系密切。", "");
    assert!(m.len() == 1 && m[0].contains("习近平") && m[0].contains("拉马福萨"), "{m:?}");
    // Exchanging views with a leader is talks with them; on the telephone it is not.
    let m =
        meetings_of("江泽民主席会见了日本天皇明仁,并同小渊惠三内阁总理大臣就国际形势深入交换了意见。", "");
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m.iter().any(|m| m.contains("江泽民") && m.contains("小渊惠三")), "{m:?}");
    assert!(meetings_of("习近平同普京通电话,就乌克兰局势交换了意见。", "").is_empty());
    // A host receiving a president and a speaker receives each; together only when the text says so.
    assert_eq!(meetings_of("温家宝总理会见了桑帕约总统和伽马议长。", "").len(), 2);
    assert_eq!(meetings_of("温家宝总理集体会见了桑帕约总统和伽马议长。", "").len(), 1);
    // Guests received by a host the text does not name met the host, not each other.
    assert!(meetings_of("王后陛下接见了周恩来总理、陈毅副总理。", "").is_empty());
    // A count of talks is no one meeting; a numbered one is.
    assert!(meetings_of("习近平主席同安倍晋三首相多次会晤。", "").is_empty());
    assert!(meetings_of("习近平主席同安倍晋三首相三次会晤。", "").is_empty());
    assert_eq!(meetings_of("外交部长王毅和俄罗斯外长拉夫罗夫27日举行第十六次会晤。", "").len(), 1);
}

#[test]
fn talks_no_sentence_dates_are_the_talks_the_document_dates() {
    let meetings_on = |text: &str, day: &str| -> Vec<Fact> {
        let lexicon = Lexicon::get();
        let mentions = extract(text, lexicon);
        let resolved = resolve(&mentions, lexicon);
        let context = DocumentContext { date: Date::parse(day), ..DocumentContext::default() };
        let rules = Rules::new(lexicon);
        let facts = relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &rules);
        facts.into_iter().filter(|f| f.kind == crate::model::FactKind::Meeting).collect()
    };
    let text = "习近平将同美国总统特朗普举行会晤。外交部发言人10月29日宣布:国家主席习近平将于10月30日\
                在韩国釜山同美国总统特朗普举行会晤。此次会晤,两国元首将深入沟通。";
    let meetings = meetings_on(text, "2025-10-30");
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    assert_eq!(meetings[0].start, Date::parse("2025-10-30"));
    // Talks stated years apart stay two meetings, and today's talks are not a recollection's.
    let text = "2018年,国家主席习近平同印度总理莫迪在武汉举行会晤。10月11日,国家主席习近平同印度总理莫迪在金奈举行会晤。";
    assert_eq!(meetings_on(text, "2019-10-12").len(), 2);
    let text = "国家主席习近平同印度总理莫迪举行会晤。2018年,国家主席习近平同印度总理莫迪在武汉举行会晤。";
    assert_eq!(meetings_on(text, "2019-10-12").len(), 2);
}

#[test]
fn both_leaders_are_of_the_two_countries_the_sentence_names() {
    let text = "尼泊尔总统班达里会见印度总理莫迪。印度总理莫迪访问尼泊尔。尼泊尔总统班达里表示。\
                国家主席习近平表示。2018年两国领导人在武汉首次举行非正式会晤,深化印中战略互信。";
    let m = meetings_of(text, "");
    let wuhan: Vec<&String> = m.iter().filter(|f| f.contains("会晤")).collect();
    assert_eq!(wuhan.len(), 1, "{m:?}");
    assert!(wuhan[0].contains("习近平") && wuhan[0].contains("莫迪"), "{m:?}");
}

#[test]
fn those_attending_talks_hold_no_meeting_of_their_own() {
    let m = meetings_of("国家主席习近平会见法国总统马克龙。王毅、何立峰等参加会见。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("习近平") && m[0].contains("马克龙"), "{m:?}");
    let m = meetings_of("国务院总理李强同德国总理朔尔茨举行会谈。王毅、何立峰等陪同会见。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    // Attending the talks of two others, named after 的; 参加了同…的会谈 is a side of them.
    let m = meetings_of(
        "法国总理蓬皮杜、外交部长顾夫·德姆维尔和苏联大使佐林参加了两位领导人的最后七十五分钟的会谈。",
        "",
    );
    assert!(m.is_empty(), "{m:?}");
    let m = meetings_of("中国外交部长王毅参加了同美国国务卿布林肯的会谈。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    // The one named after 的 is the subject the words before it describe.
    let m =
        meetings_of("前来出席苏联部长会议主席葬礼的中国国务院副总理万里会见了苏联第一副总理阿利耶夫。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("万里"), "{m:?}");
}

#[test]
fn those_met_in_turn_are_listed_across_commas() {
    let m = meetings_of(
        "中国全国人大常委会副委员长田纪云今天还先后会见了澳大利亚全国农场主联合会总经理法利,反对党外交事务发言人皮考克,\
         国家党领袖费希尔,参院外交、国防和贸易常设委员会主席琼斯,外交部长埃文斯等。",
        "",
    );
    assert!(m.iter().any(|f| f.contains("皮考克")) && m.iter().any(|f| f.contains("埃文斯")), "{m:?}");
    // Without a verb of meeting in turn, a clause after a comma is not one more met.
    let m = meetings_of("田纪云会见了澳大利亚全国农场主联合会总经理法利,外交部长埃文斯在座。", "");
    assert!(!m.iter().any(|f| f.contains("埃文斯")), "{m:?}");
}

#[test]
fn who_speaks_of_talks_held_by_others_is_not_at_them() {
    let m = meetings_of("印度总理莫迪高度评价国家主席习近平和俄罗斯总统普京去年在莫斯科举行的会晤。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(!m[0].contains("莫迪") && m[0].contains("普京"), "{m:?}");
    // A verb of talks with its subject keeps it.
    let m = meetings_of("国家主席习近平表示愿同俄罗斯总统普京举行会谈。", "");
    assert!(m.iter().all(|f| f.contains("习近平")), "{m:?}");
}

#[test]
fn both_leaders_are_heads_not_the_most_quoted() {
    let text =
        "印度学会主席张伯伦表示,中印两国领导人举行非正式会晤。张伯伦说,合作前景广阔。张伯伦指出,交流密切。\
                张伯伦认为,意义深远。印度总理莫迪和国家主席习近平将在金奈会面。";
    let m = meetings_of(text, "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("莫迪") && m[0].contains("习近平") && !m[0].contains("张伯伦"), "{m:?}");
}

#[test]
fn the_leader_who_sends_an_envoy_is_not_at_the_envoys_meeting() {
    let m = meetings_of("习近平主席特使、外交部长王毅会见法国总统马克龙。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("王毅") && m[0].contains("马克龙") && !m[0].contains("习近平"), "{m:?}");
    // Nor is the one whose words the guests met about: no leader is met.
    let m = meetings_of("胡春华接见了参加贯彻落实习近平总书记重要回信精神座谈会的企业家代表。", "");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn the_guest_spoken_to_is_the_visitor() {
    let v = visits("会见法国总统马克龙时,外交部长王毅表示,你此次访华将推动两国关系发展。");
    assert_eq!(v, ["Visit visitor=马克龙 hostCountry=中国 访问"], "{v:?}");
    // Without a guest in the sentence, 你 names no one.
    assert!(visits("外交部长王毅表示,你此次访华将推动两国关系发展。").is_empty());
}

#[test]
fn arrivals_and_guests_visiting_abroad_are_visits() {
    let v = visits("国家主席习近平乘专机抵达莫斯科,对俄罗斯进行国事访问。");
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=俄罗斯 国事访问"], "{v:?}");
    let v = visits("俄罗斯总统普京乘专机抵达北京,出席在中国举办的国际合作高峰论坛。");
    assert_eq!(v, ["Visit visitor=普京 hostCountry=中国 访问"], "{v:?}");
    let v = visits("俄罗斯总统普京在莫斯科会见正在俄罗斯进行国事访问的国家主席习近平。");
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=俄罗斯 国事访问"], "{v:?}");
    // Coming home is no visit.
    assert!(visits("国家主席习近平乘专机抵达北京。").is_empty());
}

#[test]
fn a_place_visited_stands_for_its_country_or_the_state_that_held_it() {
    // A place right after a bare 访问, with each leader listed before it.
    let v = visits("匈牙利同苏联的关系。马祖罗夫和葛罗米柯访问了布达佩斯。");
    assert_eq!(
        v,
        ["Visit visitor=马祖罗夫 hostCountry=匈牙利 访问", "Visit visitor=葛罗米柯 hostCountry=匈牙利 访问"],
        "{v:?}"
    );
    // 莫斯科 is in 俄罗斯; a report that names only 苏联 means the Soviet Union, one that names both
    // means the place's own country.
    let v = visits("苏联同匈牙利的关系。匈牙利领导人卡达尔到莫斯科来访问。");
    assert_eq!(v, ["Visit visitor=卡达尔 hostCountry=苏联 访问"], "{v:?}");
    let v = visits("苏联解体后,俄罗斯同匈牙利的关系。匈牙利总理欧尔班到莫斯科来访问。");
    assert_eq!(v, ["Visit visitor=欧尔班 hostCountry=俄罗斯 访问"], "{v:?}");
    // A place of a country the report does not name is no host.
    assert!(visits("匈牙利领导人卡达尔到莫斯科来访问。").is_empty());
}

#[test]
fn a_visitor_in_a_capacity_is_not_the_one_who_gave_it() {
    // 我 is the one speaking; the leader whose envoy they are stays home.
    let v = visits("王毅表示,我此次作为习近平主席的特使访问美国。");
    assert_eq!(v, ["Visit visitor=王毅 hostCountry=美国 访问"], "{v:?}");
    let v = visits("胡耀邦在口信中谈到,他去年作为朗伊总理的客人访问新西兰。");
    assert_eq!(v, ["Visit visitor=胡耀邦 hostCountry=新西兰 访问"], "{v:?}");
}

#[test]
fn a_guest_described_where_they_are_received_is_a_visitor() {
    // No China named: the receiver's country, which their gazetteer entry gives, is the host.
    let v = visits("国家主席胡锦涛在人民大会堂同来访的肯尼亚总统齐贝吉举行会谈。");
    assert_eq!(v, ["Visit visitor=齐贝吉 hostCountry=中国 访问"], "{v:?}");
    // Abroad, the receiver's country; a guest described with a visit abroad as the subject.
    let v = visits("多哥总统福雷在洛美会见到访的外交部长王毅。");
    assert_eq!(v, ["Visit visitor=王毅 hostCountry=多哥 访问"], "{v:?}");
    let v = visits("正在肯尼亚进行国事访问的国家主席习近平在内罗毕会见肯尼亚议长穆图里。");
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=肯尼亚 国事访问"], "{v:?}");
    // During a visit to China, the subject after it; 我国 in the press is China.
    let v = visits("访华期间,越南国家主席陈大光同习近平主席举行了会谈。");
    assert_eq!(v, ["Visit visitor=陈大光 hostCountry=中国 访问"], "{v:?}");
    let v = visits("应国务院总理李鹏的邀请,泰国总理川·立派将对我国进行正式访问。");
    assert!(v.iter().any(|f| f.starts_with("Visit visitor=川·立派 hostCountry=中国")), "{v:?}");
    // Every country listed after a bare 访问.
    let v = visits("国务院总理李强将于5月5日至7日出访新西兰、澳大利亚和马来西亚。");
    assert_eq!(v.len(), 3, "{v:?}");
    assert!(v.iter().all(|f| f.starts_with("Visit visitor=李强")), "{v:?}");
    // Each of the guests listed.
    let v =
        visits("李克强分别会见来华出席闭幕式的吉尔吉斯斯坦第一副总理博罗诺夫、阿塞拜疆副总理阿布塔利博夫。");
    assert_eq!(v.len(), 2, "{v:?}");
    // 上述三国 are those of the invitation; an official goodwill visit is one type.
    let v = visits(
        "应马达加斯加政府、加纳政府邀请,国务院副总理孙春兰将于11月4日至13日对上述两国进行正式友好访问。",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|f| f.contains("正式友好访问")), "{v:?}");
    // A guest come to China to attend, met there.
    let v = visits("国家主席习近平在人民大会堂会见了来华出席论坛的肯尼亚总统肯雅塔。");
    assert_eq!(v, ["Visit visitor=肯雅塔 hostCountry=中国 访问"], "{v:?}");
    // The one receiving is no visitor, nor is a guest of the same country as the receiver.
    assert!(visits("国家主席习近平会见来访的国务院总理李克强。").is_empty());
    // Each guest listed after 来访的.
    let v = visits("国务院总理李克强会见来访的老挝总理通伦、柬埔寨首相洪森。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().any(|f| f.contains("visitor=洪森 hostCountry=中国")), "{v:?}");
}

#[test]
fn the_press_word_daofang_and_each_clause_of_visits_to_china() {
    let v = visits("美国代理国防部长帕特里克·沙纳汉突访阿富汗。美国国务卿蓬佩奥到访波兰。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].contains("hostCountry=阿富汗") && v[1].contains("visitor=蓬佩奥 hostCountry=波兰"), "{v:?}");
    let v = visits("埃及议长阿卜杜勒、外长舒克里先后访华,国务部长苏尔坦访华并出席论坛。");
    for name in ["阿卜杜勒", "舒克里", "苏尔坦"] {
        assert!(v.iter().any(|f| f.contains(&format!("visitor={name} hostCountry=中国"))), "{v:?}");
    }
    assert!(visits("泰国国王陛下访华期间,美国总统此次访华。").is_empty());
}

#[test]
fn i_in_reported_words_is_the_leader_reported() {
    let v = visits(
        "习近平在贺电中指出,在我和普京总统的共同引领下,两国互信提升。今年6月,我对俄罗斯进行国事访问。",
    );
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=俄罗斯 国事访问"], "{v:?}");
    // Without anyone saying the words, 我 is no one's.
    assert!(visits("今年6月,我对俄罗斯进行国事访问。").is_empty());
}

#[test]
fn going_to_the_host_and_a_subject_left_out_are_visits() {
    let v = visits("华国锋主席今天离开北京前往罗马尼亚进行正式友好访问。");
    assert_eq!(v, ["Visit visitor=华国锋 hostCountry=罗马尼亚 正式友好访问"], "{v:?}");
    let v = visits("苏共中央总书记勃列日涅夫将于一九七五年一月下半月对叙利亚进行友好正式访问。");
    assert_eq!(v, ["Visit visitor=勃列日涅夫 hostCountry=叙利亚 友好正式访问"], "{v:?}");
    assert_eq!(visits("金日成主席每年都要到中国来进行访问。").len(), 1);
    // The countries a trip visits, listed as such.
    let v = visits("本周一,美国总统布什开始了为期一周多的亚洲之行,访问的国家包括日本、韩国、中国和蒙古。");
    assert_eq!(v.len(), 4, "{v:?}");
    assert!(v.iter().all(|f| f.starts_with("Visit visitor=布什")), "{v:?}");
    assert_eq!(visits("习近平将出席亚太经合组织会议并顺访巴拿马。").len(), 1);
    // The clause that names nobody is the nearest named subject's (not the one speaking).
    let v = visits("国家主席习近平2013年访问了墨西哥,2014年访问了巴西、古巴。");
    assert_eq!(v.len(), 3, "{v:?}");
    assert!(v.iter().all(|f| f.starts_with("Visit visitor=习近平")), "{v:?}");
    let v = visits("国务院副总理胡春华将赴萨摩亚出席论坛,并访问萨摩亚、菲律宾。");
    assert!(v.iter().all(|f| f.starts_with("Visit visitor=胡春华")) && v.len() == 2, "{v:?}");
    // Going somewhere to attend something is no visit there; an invitation accepted names the host.
    let v = visits("我接受了布什总统的邀请,将于10月到墨西哥出席会议前访问美国。");
    assert!(!v.iter().any(|f| f.contains("墨西哥") || f.contains("visitor=布什")), "{v:?}");
}

#[test]
fn a_departure_arrival_or_end_reported_in_its_own_clause_is_a_visit() {
    // The clause of the visit names nobody: the subject is the clause's before.
    let v = visits("印度总理尼赫鲁今天离开新德里前往东京,对日本进行为期五天的正式访问。");
    assert_eq!(v, ["Visit visitor=尼赫鲁 hostCountry=日本 正式访问"], "{v:?}");
    let v = visits("刘少奇主席今天上午乘专机离开昆明,前往缅甸仰光进行友好访问。");
    assert_eq!(v, ["Visit visitor=刘少奇 hostCountry=缅甸 友好访问"], "{v:?}");
    // 赴 goes to the host as 前往 does, before a country's name or its one-character form.
    let v = visits("日本首相田中角荣今天启程赴美国国事访问。");
    assert_eq!(v, ["Visit visitor=田中角荣 hostCountry=美国 国事访问"], "{v:?}");
    assert_eq!(visits("法国总统密特朗今天赴日访问。日本外相到机场迎接。").len(), 1);
    // 到达 is an arrival as 抵达 is; the end of a visit 在 a country as 对 it.
    let v = visits("越南总理范文同今天到达河内。苏联部长会议主席柯西金今天到达河内访问。");
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].starts_with("Visit visitor=柯西金 hostCountry=越南"), "{v:?}");
    let v = visits("印度尼西亚总统苏加诺今天结束了在中国的国事访问。");
    assert_eq!(v, ["Visit visitor=苏加诺 hostCountry=中国 国事访问"], "{v:?}");
    // A guest who came to visit, described before the name (我国 is the country the document
    // names as China).
    let v = visits("应邀来我国访问的朝鲜首相金日成今天参观了工厂。中国和朝鲜是友好邻邦。");
    assert_eq!(v, ["Visit visitor=金日成 hostCountry=中国 访问"], "{v:?}");
    // Coming from a country is no visit to it.
    assert!(visits("来自日本的访问团会见了国务院总理李鹏。").is_empty());
    // A bare 访问 after a comma is the clause before's subject's.
    let v = visits("锡兰总理班达拉奈克夫人代表锡兰政府和亚非六国,访问了中华人民共和国。");
    assert!(v.len() == 1 && v[0].starts_with("Visit visitor=班达拉奈克夫人 hostCountry=中国"), "{v:?}");
    assert!(visits("双方表示,访问取得圆满成功。中国和锡兰是友好邻邦。").is_empty());
    // A visit's length in days stands where its ordinal may.
    let v = visits("朝鲜首相金日成圆满结束了对越南的五天正式友好访问,今天乘专机回国。");
    assert_eq!(v, ["Visit visitor=金日成 hostCountry=越南 正式友好访问"], "{v:?}");
    // The headlines' short 抵 arrives only where a country or a known place follows it.
    let v = visits("苏哈托总统稍后抵东京。日本首相海部俊树将会见他。");
    assert!(v.len() == 1 && v[0].starts_with("Visit visitor=苏哈托 hostCountry=日本"), "{v:?}");
    assert!(visits("美国总统尼克松表示坚决抵制日本的做法。").is_empty());
}

#[test]
fn a_speech_given_whole_is_its_speakers_and_so_is_a_visit_it_names_no_one_for() {
    let text = "国家主席习近平出席欢迎晚宴。以下是习近平主席在欢迎晚宴上的致辞全文:\n尊敬的伊丽莎白二世女王陛下,\n非常高兴应女王陛下邀请对英国进行国事访问。";
    let v = visits(text);
    assert!(v.len() == 1 && v[0].starts_with("Visit visitor=习近平 hostCountry=英国"), "{v:?}");
    // Without a speaker, gladness names no visitor.
    assert!(visits("尊敬的伊丽莎白二世女王陛下,\n非常高兴应女王陛下邀请对英国进行国事访问。").is_empty());
}

#[test]
fn the_one_speaking_comes_again_to_visit() {
    let v = visits("江泽民主席发表讲话说:“应希拉克总统的邀请,我再次来到美丽的法兰西共和国进行国事访问。”");
    assert!(v.len() == 1 && v[0].starts_with("Visit visitor=江泽民 hostCountry=法国"), "{v:?}");
}

#[test]
fn a_visit_the_document_announces_takes_no_date_from_the_document() {
    let text =
        "外交部28日就国务院总理李克强出席会议并对乌兹别克斯坦进行正式访问、出席东亚合作领导人系列会议并\
                对泰国进行正式访问举行中外媒体吹风会。此访是李克强总理时隔6年再次正式访泰。";
    let v: Vec<String> =
        facts_dated(text, "", Some("2019-10-28")).into_iter().filter(|f| f.starts_with("Visit")).collect();
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().any(|f| f.contains("hostCountry=泰国")), "{v:?}");
    assert!(v.iter().all(|f| !f.contains("2019-10-28")), "{v:?}");
    // A report of the visit itself keeps its document's date.
    let v = facts_dated("此访是李克强总理时隔6年再次正式访问泰国。", "", Some("2019-11-03"));
    assert!(v.iter().any(|f| f.ends_with("2019-11-03..2019-11-03")), "{v:?}");
}

#[test]
fn visits_counted_or_listed_by_date_are_one_each() {
    // Two dates listed: two visits, each dated; a count without dates: that many, undated.
    let v = visits("国家主席习近平此前曾于2011年和2016年两次访问意大利。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].ends_with("访问 2011..2011") && v[1].ends_with("访问 2016..2016"), "{v:?}");
    let v = visits("赞比亚总统伦古曾两次访华。");
    assert_eq!(v, ["Visit visitor=伦古 hostCountry=中国 访问"; 2], "{v:?}");
    // The same count said twice is the same visits; an ordinal is one visit; many are none.
    let v = visits("赞比亚总统伦古就任以来两次访华。伦古表示,他曾两次访问中国。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(visits("这是赞比亚总统伦古第二次访华。").len(), 1);
    assert!(visits("赞比亚总统伦古访问中国不下30次。").is_empty());
    assert!(visits("赞比亚总统伦古先后五次访华。").is_empty());
    // A visit dated before the document is one of those a count tells.
    let text = "2018年9月,赞比亚总统伦古赴华出席中非合作论坛北京峰会。伦古总统就任以来两次访华。";
    let v: Vec<String> =
        facts_dated(text, "", Some("2019-10-29")).into_iter().filter(|f| f.starts_with("Visit")).collect();
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().any(|f| f.ends_with("2018-09..2018-09")), "{v:?}");
}

#[test]
fn a_guest_come_to_china_on_other_business_too_is_a_visitor() {
    let v = visits("国务院总理李克强同来华进行正式访问并出席国际博览会闭幕式的法国总统马克龙举行会谈。");
    assert_eq!(v, ["Visit visitor=马克龙 hostCountry=中国 正式访问"], "{v:?}");
    let v = visits("国务院总理李克强同来华出席国际博览会闭幕式并进行工作访问的法国总统马克龙举行会谈。");
    assert_eq!(v, ["Visit visitor=马克龙 hostCountry=中国 工作访问"], "{v:?}");
}

#[test]
fn the_host_meeting_a_visiting_president_is_no_visit() {
    let facts = facts_of("国家主席习近平会见来华进行国事访问的法国总统马克龙。", "");
    assert!(!facts.iter().any(|f| f.starts_with("Visit") && f.contains("visitor=习近平")), "{facts:?}");
}

#[test]
fn a_leader_does_not_visit_their_own_country() {
    let facts = facts_of("班达里表示，习近平主席这次访问正值中华人民共和国成立70周年。", "");
    assert!(!facts.iter().any(|f| f.starts_with("Visit")), "{facts:?}");
    let facts = facts_of("习近平主席这次访问尼泊尔正值中华人民共和国成立70周年。", "");
    assert!(facts.iter().any(|f| f.starts_with("Visit") && f.contains("尼泊尔")), "{facts:?}");
}

#[test]
fn a_first_or_repeated_visit_keeps_its_type() {
    let facts = facts_of("巴基斯坦总理伊姆兰·汗于2018年11月2日至5日对中国进行首次正式访问。", "");
    assert!(facts.iter().any(|f| f.starts_with("Visit") && f.contains("正式访问")), "{facts:?}");
}

#[test]
fn this_visit_is_the_documents_own_not_the_earlier_ones() {
    let text = "应大韩民国总统朴槿惠邀请,中华人民共和国主席习近平于2014年7月3日至4日对韩国进行国事访问。\
                通过2013年朴槿惠总统对中国的国事访问和此次习近平主席对韩国的国事访问,两国关系得到发展。";
    let visits: Vec<String> = facts_of(text, "").into_iter().filter(|f| f.starts_with("Visit")).collect();
    assert_eq!(visits.len(), 2, "{visits:?}");
    assert!(
        visits.iter().any(|v| v.contains("习近平") && v.contains("2014-07-03..2014-07-04")),
        "{visits:?}"
    );
    assert!(visits.iter().any(|v| v.contains("visitor=朴槿惠 hostCountry=中国")), "{visits:?}");
}

#[test]
fn visits_across_phrasings() {
    let cases: &[(&str, &str)] = &[
        (
            "应中华人民共和国主席习近平邀请,蒙古国总统乌赫那·呼日勒苏赫于2022年11月27日至28日对中华人民共和国进行国事访问。",
            "Visit visitor=呼日勒苏赫 hostCountry=中国 invitedBy=习近平 国事访问 2022-11-27..2022-11-28",
        ),
        (
            "应法兰西共和国总统埃马纽埃尔·马克龙邀请,中华人民共和国主席习近平于二〇二四年五月五日至七日对法国进行国事访问。",
            "Visit visitor=习近平 hostCountry=法国 invitedBy=马克龙 国事访问 2024-05-05..2024-05-07",
        ),
        ("美国总统尼克松于1972年2月21日至28日访华。", "Visit visitor=尼克松 hostCountry=中国 访问 1972-02-21..1972-02-28"),
        ("法国总统马克龙将对中国进行国事访问。", "Visit visitor=马克龙 hostCountry=中国 国事访问"),
        ("习近平结束对哈萨克斯坦共和国的国事访问。", "Visit visitor=习近平 hostCountry=哈萨克斯坦 国事访问"),
        // Leaders listed before 分别 visit each.
        (
            "应外交部长王毅邀请,老挝副总理兼外长沙伦赛、越南外长裴青山将分别访问中国。",
            "Visit visitor=沙伦赛 hostCountry=中国 访问|Visit visitor=裴青山 hostCountry=中国 访问",
        ),
        // An arrival whose clause names no one is the sentence's subject's.
        (
            "国家主席习近平离开南非,于当日晚,飞抵此次非洲之行的最后一站——毛里求斯,进行友好访问。",
            "Visit visitor=习近平 hostCountry=毛里求斯 访问",
        ),
        ("并邀请拉赫蒙总统在双方方便的时候对中华人民共和国进行国事访问。", ""),
        // The visitor stands outside the invitation.
        ("美国总统尼克松应中国总理周恩来的邀请访华。", "Visit visitor=尼克松 hostCountry=中国 invitedBy=周恩来 访问"),
        // The older order, and a capital for its country.
        (
            "缅甸联邦总理吴努阁下,应中华人民共和国总理周恩来阁下的邀请,来到北京。",
            "Visit visitor=吴努 hostCountry=中国 invitedBy=周恩来 访问",
        ),
        ("马克龙表示,很高兴首次来华进行国事访问。", "Visit visitor=马克龙 hostCountry=中国 国事访问"),
        // Who announces a visit is not its visitor.
        (
            "外交部发言人张三宣布:应国家主席习近平邀请,巴西总统卢拉将来华进行国事访问。",
            "Visit visitor=卢拉 hostCountry=中国 国事访问",
        ),
        ("国家主席习近平会见来华进行国事访问的法国总统马克龙。", "Visit visitor=马克龙 hostCountry=中国 国事访问"),
        ("国家副主席胡锦涛将于近期访美,推动中美关系发展。", "Visit visitor=胡锦涛 hostCountry=美国 访问"),
        ("呼日勒苏赫总统邀请习近平主席在双方方便的时候再次访蒙。中蒙关系", ""),
        ("托卡耶夫表示,习近平主席今天的访问必将载入哈中关系史册。", ""),
        // A country named earlier in the clause is not the visit's host, but going there to attend
        // something is a visit of its own; a leader's own country is no host.
        (
            "国家主席习近平将赴印度出席金砖国家领导人会晤后对尼泊尔进行国事访问。",
            "Visit visitor=习近平 hostCountry=尼泊尔 国事访问|Visit visitor=习近平 hostCountry=印度 访问",
        ),
        ("国家主席习近平结束对中国的考察访问。", ""),
        // A second visit joined to the first by 并 alone is its subject's too.
        (
            "国务院总理李强将对乌兹别克斯坦进行正式访问并对泰国进行国事访问。",
            "Visit visitor=李强 hostCountry=乌兹别克斯坦 正式访问|Visit visitor=李强 hostCountry=泰国 国事访问",
        ),
        // Where the visit took place, the clause after 期间, and the noun of a visit.
        (
            "国务院总理周恩来于一九六〇年五月五日至九日在柬埔寨进行了国事访问。",
            "Visit visitor=周恩来 hostCountry=柬埔寨 国事访问 1960-05-05..1960-05-09",
        ),
        ("在对塞舌尔进行国事访问期间,胡锦涛同塞舌尔总统米歇尔举行了会谈。", "Visit visitor=胡锦涛 hostCountry=塞舌尔 国事访问"),
        // The invitation between the visitors and the visit; a list of visitors visits together.
        (
            "国务院总理周恩来和副总理兼外交部长陈毅,应柬埔寨王国政府的邀请,于一九六〇年五月五日至九日在柬埔寨进行了国事访问。",
            "Visit visitor=周恩来 hostCountry=柬埔寨 国事访问 1960-05-05..1960-05-09|Visit visitor=陈毅 hostCountry=柬埔寨 国事访问 1960-05-05..1960-05-09",
        ),
        // …but one who receives the visitor does not.
        (
            "习近平同来访的法国总统马克龙对中国进行国事访问。",
            "Visit visitor=马克龙 hostCountry=中国 国事访问",
        ),
        // A pronoun stands for the last leader of the sentence before; 他们 and 其他 for none.
        (
            "塞舌尔是胡锦涛此行的最后一站。此前他已经对莫桑比克进行了国事访问。",
            "Visit visitor=胡锦涛 hostCountry=莫桑比克 国事访问",
        ),
        ("塞舌尔是胡锦涛此行的最后一站。此前他们已经对莫桑比克进行了国事访问。", ""),
        ("此前他已经对莫桑比克进行了国事访问。", ""),
        // Who welcomes a visit after saying so is not its visitor.
        ("外交部发言人张三1日表示,中方欢迎布里德市长访华。", ""),
        ("张三表示,中方欢迎法国总统马克龙访华。", "Visit visitor=马克龙 hostCountry=中国 访问"),
        // A count of visits is no one visit.
        ("从那时起,福田康夫访问中国不下30次。", ""),
        ("双方高度评价韩国总统朴槿惠对中国的国事访问。", "Visit visitor=朴槿惠 hostCountry=中国 国事访问"),
        // The guest a visit describes is found once, by the verb that takes the guest.
        (
            "俄罗斯总统普京在克里姆林宫会见正在俄罗斯进行国事访问的国家主席习近平。",
            "Visit visitor=习近平 hostCountry=俄罗斯 国事访问",
        ),
    ];
    for (text, expected) in cases {
        let visits: Vec<String> = facts_of(text, "").into_iter().filter(|f| f.starts_with("Visit")).collect();
        if expected.is_empty() {
            assert!(visits.is_empty(), "{text}: {visits:?}");
        } else {
            assert_eq!(visits.join("|"), *expected, "{text}");
        }
    }
}

#[test]
fn every_host_of_a_visit_and_the_hosts_of_the_invitation() {
    let visits = |text: &str, title: &str| -> Vec<String> {
        facts_of(text, title).into_iter().filter(|f| f.starts_with("Visit")).collect()
    };
    let v = visits("国家主席习近平将于下周对意大利、摩纳哥进行国是访问。", "");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|f| f.contains("国事访问")), "{v:?}");
    let v = visits("应泰国、越南和老挝政府邀请,国家副主席韩正将于下月对上述三国进行正式访问。", "");
    assert_eq!(v.len(), 3, "{v:?}");
    // 我 in a leader's speech is that leader.
    let v = visits("习近平在某论坛上的讲话\n这是我对新加坡进行正式访问的第一站。", "习近平在某论坛上的讲话");
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=新加坡 正式访问"], "{v:?}");
    assert!(visits("这是我对新加坡进行正式访问的第一站。", "").is_empty());
    // Each host's own leader invited its visit.
    let v = visits("应法国总统马克龙和意大利总理孔特邀请,国家主席习近平将对法国、意大利进行国事访问。", "");
    assert!(v.iter().any(|f| f.contains("hostCountry=法国 invitedBy=马克龙")), "{v:?}");
    assert!(v.iter().any(|f| f.contains("hostCountry=意大利 invitedBy=孔特")), "{v:?}");
}

#[test]
fn a_dated_partnership_named_again_undated_is_one() {
    let text = "2023年中国和东帝汶建立全面战略伙伴关系。双方同意深化中国和东帝汶全面战略伙伴关系。";
    let p: Vec<String> = facts_of(text, "").into_iter().filter(|f| f.starts_with("Partnership")).collect();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].ends_with("2023"), "{p:?}");
    let undated = "双方同意深化中国和东帝汶全面战略伙伴关系。";
    assert_eq!(facts_of(undated, "").iter().filter(|f| f.starts_with("Partnership")).count(), 1);
}

#[test]
fn a_partnership_years_old_dates_from_the_document() {
    let partnership = |text: &str| -> Vec<String> {
        facts_dated(text, "", Some("2023-12-12"))
            .into_iter()
            .filter(|f| f.starts_with("Partnership"))
            .collect()
    };
    let p = partnership("中国和越南是好邻居。今年是中越建立全面战略合作伙伴关系15周年。");
    assert!(p.len() == 1 && p[0].ends_with("2008"), "{p:?}");
    let p = partnership("中国和俄罗斯双方指出,中俄战略协作伙伴关系建立10年来,双边关系保持良好势头。");
    assert!(p.len() == 1 && p[0].ends_with("2013"), "{p:?}");
    let p = partnership("丹麦首相说,2018年是丹中建立全面战略伙伴关系10周年,中国和丹麦合作亮点纷呈。");
    assert!(p.len() == 1 && p[0].ends_with("2008"), "{p:?}");
    // The years given with their dates date from the first.
    let p = partnership("此访正值越南和印度尼西亚建立战略伙伴关系10周年(2013年6月~2023年6月)之际。");
    assert!(p.len() == 1 && p[0].ends_with("2013-06"), "{p:?}");
    // Years of something else after the level date nothing.
    let p = partnership("中国和越南双方同意制定中越全面战略合作伙伴关系10年规划。");
    assert!(p.len() == 1 && !p[0].ends_with("2013"), "{p:?}");
}

#[test]
fn signings_citations_and_partnerships() {
    let text = "双方重申遵循2001年7月16日签署的《中华人民共和国和俄罗斯联邦睦邻友好合作条约》。\
                访问期间,双方签署了《中俄投资合作协定》《中俄科技合作协定》等文件。\
                中俄新时代全面战略协作伙伴关系达到历史最高水平。双方将商签《中俄航天合作协定》。";
    let facts = facts_of(text, "中华人民共和国和俄罗斯联邦联合声明");
    assert!(
        facts.iter().any(|f| f.starts_with("Citation treaty=中华人民共和国和俄罗斯联邦睦邻友好合作条约")),
        "{facts:?}"
    );
    assert!(facts.iter().any(|f| f.starts_with("Signing treaty=中俄投资合作协定")), "{facts:?}");
    assert!(facts.iter().any(|f| f.starts_with("Signing treaty=中俄科技合作协定")), "{facts:?}");
    assert!(
        !facts.iter().any(|f| f.contains("航天")),
        "a treaty still to be negotiated is neither: {facts:?}"
    );
    assert!(
        facts.iter().any(|f| f.starts_with("Partnership partner=") && f.contains("全面战略协作伙伴关系")),
        "{facts:?}"
    );
    // A signing the sentence dates in an earlier year is recalled: a citation.
    let text =
        "2003年6月,在印尼总统梅加瓦蒂对越南进行访问之际,两国签署了《越南和印度尼西亚友好合作联合宣言》。\
                访问期间,两国签署了《越印贸易协定》。";
    let facts = facts_dated(text, "", Some("2024-01-11"));
    assert!(
        facts.iter().any(|f| f.starts_with("Citation treaty=越南和印度尼西亚友好合作联合宣言")),
        "{facts:?}"
    );
    assert!(facts.iter().any(|f| f.starts_with("Signing treaty=越印贸易协定")), "{facts:?}");
    let text = "双方回顾了2003年签署的《越南和印度尼西亚友好合作联合宣言》,并签署了《越印贸易协定》。";
    let facts = facts_dated(text, "", Some("2024-01-11"));
    assert!(facts.iter().any(|f| f.starts_with("Signing treaty=越印贸易协定")), "{facts:?}");
    // China and a region (中非, 中拉) are no two countries, not even the document's.
    let title = "中华人民共和国和南非共和国联合声明";
    let facts =
        facts_of("中国国家主席习近平对南非进行国事访问。为深化中非全面战略合作伙伴关系注入新动力。", title);
    assert!(!facts.iter().any(|f| f.starts_with("Partnership")), "{facts:?}");
    let facts = facts_of("中国国家主席习近平对南非进行国事访问。两国全面战略伙伴关系不断深化。", title);
    assert!(facts.iter().any(|f| f.starts_with("Partnership")), "{facts:?}");
}

#[test]
fn events_with_host_city_and_date() {
    let facts = facts_of(
        "2019年6月7日,第二十三届圣彼得堡国际经济论坛在圣彼得堡举行。双方支持办好上海合作组织比什凯克峰会。",
        "",
    );
    assert!(
        facts
            .iter()
            .any(|f| f.starts_with("Event") && f.ends_with("第二十三届圣彼得堡国际经济论坛 2019-06-07")),
        "{facts:?}"
    );
    assert!(facts.iter().any(|f| f.contains("Event") && f.contains("上海合作组织比什凯克峰会")), "{facts:?}");
    assert!(!facts.iter().any(|f| f.contains("Event") && f.contains("办好")), "{facts:?}");
}

#[test]
fn the_subject_of_a_stance_is_its_clauses_and_a_proposer_is_who_proposed() {
    let facts = facts_of("俄罗斯联邦。俄方高度评价中方提出的全球文明倡议。", "");
    let positions: Vec<&String> = facts.iter().filter(|f| f.starts_with("Position")).collect();
    assert!(
        positions.contains(&&"Position subject=俄罗斯 object=全球文明倡议 welcomes".to_owned()),
        "{facts:?}"
    );
    assert!(
        positions.contains(&&"Position subject=中国 object=全球文明倡议 proposes".to_owned()),
        "{facts:?}"
    );
    assert!(!positions.iter().any(|f| f.contains("俄罗斯") && f.ends_with("proposes")), "{facts:?}");
    let facts = facts_of("蒙古国。蒙古国欢迎并支持中方提出的全球安全倡议。", "");
    assert!(!facts.iter().any(|f| f.contains("subject=蒙古国") && f.ends_with("proposes")), "{facts:?}");
    assert!(facts.iter().any(|f| f.contains("subject=蒙古国") && f.ends_with("supports")), "{facts:?}");
}

#[test]
fn a_document_signed_beside_a_cited_one_is_a_signing() {
    let lexicon = Lexicon::get();
    let text = "双方忆及2019年6月5日发表的《中俄联合声明》,在此基础上签署了《中俄海关合作谅解备忘录》。";
    let mentions = extract(text, lexicon);
    let resolved = crate::resolve::resolve(&mentions, lexicon);
    let date = Some(Date { year: 2023, month: Some(3), day: Some(21) });
    let context = DocumentContext { date, ..DocumentContext::default() };
    let facts =
        relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &Rules::new(lexicon));
    let kind_of = |title: &str| {
        facts
            .iter()
            .filter(|f| matches!(f.kind, crate::model::FactKind::Signing | crate::model::FactKind::Citation))
            .find(|f| f.roles.iter().any(|(_, e)| resolved.entities[*e].label_zh.contains(title)))
            .map(|f| f.kind)
    };
    assert_eq!(kind_of("海关"), Some(crate::model::FactKind::Signing), "{facts:?}");
    assert_eq!(kind_of("联合声明"), Some(crate::model::FactKind::Citation), "{facts:?}");
}

#[test]
fn positions_and_participation() {
    let facts = facts_of("俄罗斯联邦。俄方支持共建“一带一路”,双方将推进中蒙俄经济走廊建设。", "");
    assert!(facts.iter().any(|f| f == "Position subject=俄罗斯 object=一带一路 supports"), "{facts:?}");
    assert!(facts.iter().any(|f| f.starts_with("Participation project=中蒙俄经济走廊")), "{facts:?}");
}

/// The visits of `text` in a report datelined at `place`.
fn visits_datelined(text: &str, place: Option<&str>) -> Vec<String> {
    let lexicon = Lexicon::get();
    let mentions = extract(text, lexicon);
    let resolved = resolve(&mentions, lexicon);
    let context = DocumentContext { place: place.map(str::to_owned), ..DocumentContext::default() };
    let label = |e: usize| resolved.entities[e].label_zh.clone();
    relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &Rules::new(lexicon))
        .iter()
        .filter(|f| f.kind == FactKind::Visit)
        .map(|f| {
            let visitor = f.with_role(Role::Visitor).next().map(label).unwrap_or_default();
            let host = f.with_role(Role::HostCountry).next().map(label).unwrap_or_default();
            format!("{visitor}→{host}")
        })
        .collect()
}

#[test]
fn here_is_where_the_report_is_datelined_and_this_country_the_one_named() {
    let text = "中国国务院副总理陈毅今天上午乘专机到达这里。阿富汗首相达乌德到机场欢迎。";
    assert_eq!(visits_datelined(text, Some("喀布尔")), ["陈毅→阿富汗"]);
    assert!(visits_datelined(text, None).is_empty(), "no dateline, no place");
    let text = "陈毅副总理抵达此间。阿富汗首相达乌德到机场欢迎。";
    assert_eq!(visits_datelined(text, Some("喀布尔")), ["陈毅→阿富汗"]);
    let text = "陈毅副总理是应阿富汗政府的邀请对这个国家进行友好访问的。";
    assert_eq!(visits_datelined(text, None), ["陈毅→阿富汗"]);
}

#[test]
fn talks_held_here_are_held_where_the_report_is_datelined() {
    let places = |place: Option<&str>| -> Vec<Option<String>> {
        let text = "美国总统布什和中国国家主席江泽民今天在这里举行会晤。";
        let lexicon = Lexicon::get();
        let mentions = extract(text, lexicon);
        let resolved = resolve(&mentions, lexicon);
        let context = DocumentContext { place: place.map(str::to_owned), ..DocumentContext::default() };
        relate(text, &mentions, &resolved.mention_entity, &resolved.entities, &context, &Rules::new(lexicon))
            .into_iter()
            .filter(|f| f.kind == FactKind::Meeting)
            .map(|f| f.place)
            .collect()
    };
    assert_eq!(places(Some("克劳福德")), [Some("克劳福德".to_owned())]);
    assert_eq!(places(None), [None], "no dateline: no place, not the word 这里");
}

#[test]
fn bilateral_talks_with_several_leaders_are_one_meeting_with_each() {
    let m = meetings_of(
        "习近平将与法国总统马克龙(Emmanuel Macron)、塞内加尔总统萨勒(Macky Sall)等多国领导人举行双边会见。",
        "",
    );
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m.iter().all(|m| m.matches("participant=").count() == 2 && m.contains("习近平")), "{m:?}");
    let together = meetings_of("习近平与法国总统马克龙、塞内加尔总统萨勒举行会晤。", "");
    assert_eq!(together.len(), 1, "{together:?}");
}

#[test]
fn one_sides_officials_meet_a_guest_one_by_one() {
    // Two hosts receive a guest: a meeting each.
    let text =
        "访问期间,中华人民共和国主席江泽民和全国人民代表大会常务委员会委员长李鹏会见了蒙古国总理恩赫巴亚尔。";
    let m = meetings_of(text, "");
    assert_eq!(m.len(), 2, "{m:?}");
    // A guest meets one country's speakers: a meeting each; a 会谈 of delegations stays one.
    let text = "尼日利亚总统奥巴桑乔同胡锦涛举行会谈。胡锦涛还同尼日利亚参议长纳马尼和众议长马萨里会晤。";
    let m = meetings_of(text, "");
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m.iter().all(|m| m.matches("participant=").count() == 2), "{m:?}");
    let text = "胡锦涛同尼日利亚总统奥巴桑乔和副总统阿布巴卡尔举行会谈。";
    assert_eq!(meetings_of(text, "").len(), 1);
}

#[test]
fn a_name_glossed_in_its_own_spelling_is_still_listed() {
    let v = visits(
        "习近平分别会见来华出席峰会的埃及总理马德布利(Mostafa Madbouly)、哈萨克斯坦总统托卡耶夫(Kassym-Jomart Tokayev)等人。",
    );
    assert!(v.iter().any(|v| v.contains("托卡耶夫")), "{v:?}");
    assert!(v.iter().any(|v| v.contains("马德布利")), "{v:?}");
}

#[test]
fn a_visit_to_a_countrys_body_is_to_the_country_and_since_dates_no_visit() {
    let v = visits("澳大利亚外交部长黄英贤今天访问越南外交部,与越南副总理裴青山举行会议。");
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("visitor=黄英贤") && v[0].contains("hostCountry=越南"), "{v:?}");
    // The time since which a count holds is not the visit's: one visit, of the document's day.
    let facts = facts_dated(
        "李鹏总理今日抵达曼谷,对泰国进行工作访问。这是李鹏总理自1988年4月就任国务院总理以来第二次访问泰国。",
        "",
        Some("1990-08-13"),
    );
    let v: Vec<&String> = facts.iter().filter(|f| f.starts_with("Visit")).collect();
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].ends_with("1990-08-13..1990-08-13"), "{v:?}");
}

#[test]
fn a_constructive_strategic_partnership_is_its_own_level() {
    let facts = facts_of("中美两国致力于建立建设性战略伙伴关系。", "");
    assert!(facts.iter().any(|f| f.contains("建设性战略伙伴关系")), "{facts:?}");
}

#[test]
fn guests_described_by_a_visit_abroad_are_each_a_visitor() {
    let v = visits(
        "应印度政府邀请到印度访问的苏联部长会议主席布尔加宁和苏联最高苏维埃主席团委员赫鲁晓夫在十一月十八日到达新德里。",
    );
    assert!(v.iter().any(|v| v.contains("visitor=布尔加宁") && v.contains("hostCountry=印度")), "{v:?}");
    assert!(v.iter().any(|v| v.contains("visitor=赫鲁晓夫") && v.contains("hostCountry=印度")), "{v:?}");
}

#[test]
fn a_trip_to_several_countries_is_a_visit_to_each() {
    let v = visits("美国国务卿克里斯托弗将于3月4日前往澳大利亚、日本和中国进行为期10天的亚洲之行。");
    for host in ["澳大利亚", "日本", "中国"] {
        assert!(v.iter().any(|v| v.contains(&format!("hostCountry={host}"))), "{host}: {v:?}");
    }
    assert!(visits("美国国务卿克里斯托弗谈到此次旅行之行。").is_empty());
}

#[test]
fn a_season_of_the_documents_year_is_to_come_or_the_years() {
    let visit = |day: &str| {
        let facts = facts_dated("美国副总统切尼今春访华。", "", Some(day));
        facts.into_iter().filter(|f| f.starts_with("Visit")).collect::<Vec<_>>()
    };
    let february = visit("2003-02-24");
    assert_eq!(february.len(), 1, "{february:?}");
    assert!(february[0].ends_with("访问"), "to come, of no day yet: {february:?}");
    assert!(visit("2003-06-10")[0].ends_with("2003..2003"), "{:?}", visit("2003-06-10"));
}

#[test]
fn both_heads_are_those_of_that_office_in_office_at_the_date() {
    // 两国元首 in 2019: the president in office (拉马福萨), not the one recalled (曼德拉), nor the
    // premier or deputy most mentioned.
    let text =
        "国务院总理李克强会见南非副总统马布扎。李克强说,曼德拉是伟人,曼德拉为南非奋斗,曼德拉精神长存。\
                国家主席习近平致信南非总统拉马福萨。中国和南非两国元首共同主持了峰会。";
    let m = meetings_dated(text, "2019-10-29");
    assert!(m.iter().any(|f| f.contains("participant=习近平 participant=拉马福萨")), "{m:?}");
    assert!(!m.iter().any(|f| f.contains("曼德拉")), "{m:?}");
    let recalled =
        "习近平主席会见南非议长。他说,2018年是曼德拉诞辰100周年,中国和南非两国元首成功互访并共同主持峰会。";
    let m = meetings_dated(recalled, "2019-10-01");
    assert!(!m.iter().any(|f| f.contains("曼德拉")), "{m:?}");
    // 两国总理 in 1963: the premier (周恩来), not a chairman of state.
    let text = "毛泽东主席接见了锡兰总理班达拉奈克。周恩来总理出席。陈毅参加了中国和锡兰两国总理的会谈。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("周恩来") && f.contains("班达拉奈克")), "{m:?}");
    assert!(!m.iter().any(|f| f.contains("毛泽东") && f.contains("会谈")), "{m:?}");
}

#[test]
fn he_opening_a_sentence_is_the_leader_last_named_and_a_hope_is_no_meeting() {
    let text = "克里斯托弗说,克林顿总统指示他发展关系。此后,他在纽约同中国外长钱其琛举行了会晤。\
                他说,他还将飞往海参崴同俄罗斯外长科济列夫举行会晤。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("克里斯托弗") && f.contains("钱其琛")), "{m:?}");
    assert!(m.iter().any(|f| f.contains("克里斯托弗") && f.contains("科济列夫")), "{m:?}");
    // 他们 is not 他; a hope for talks tells none.
    assert!(meetings_of("克里斯托弗说。他们在纽约同钱其琛外长举行了会晤。", "").is_empty());
    let hoped = meetings_of("胡耀邦总书记在口信中说,他殷切地期待着在北京同新西兰总理朗伊见面。", "");
    assert!(hoped.is_empty(), "{hoped:?}");
}

#[test]
fn leaders_of_one_country_alone_are_one_side_of_talks() {
    let m = meetings_of("如美国财政部长本特森、贸易代表坎特、农业部长埃斯皮等都会晤了中国高级官员。", "");
    assert!(m.is_empty(), "{m:?}");
    let m = meetings_of("中宣部副部长蒋建国、外交部副部长乐玉成15日在京分别会见访华团。", "");
    assert!(m.is_empty(), "{m:?}");
    let m = meetings_of("国家主席习近平会见美国贸易代表莱特希泽。", "");
    assert_eq!(m.len(), 1, "{m:?}");
}

#[test]
fn talks_during_a_visit_of_several_days_take_its_month_or_the_day_told() {
    let announced =
        "新加坡副总理王瑞杰将于10月14日至17日访华并同国务院副总理韩正共同主持中新双边合作机制会议。";
    let m = meetings_dated(announced, "2019-10-11");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].ends_with("会谈 2019-10"), "{m:?}");
    let told = format!("{announced}10月15日,韩正会见新加坡副总理王瑞杰。");
    let m = meetings_dated(&told, "2019-10-16");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].ends_with("2019-10-15..2019-10-15"), "{m:?}");
}

#[test]
fn talks_named_by_their_place_are_past_ones() {
    let text = "王岐山会见日本首相安倍晋三。国家主席习近平的特使王岐山出席典礼。两国领导人大阪会晤推动日中关系全面恢复正常。";
    let m = meetings_dated(text, "2019-10-25");
    assert!(m.iter().any(|f| f.contains("习近平") && f.ends_with("会晤")), "undated: {m:?}");
    // Where talks are held is no name of them.
    let held = meetings_dated("习近平同安倍晋三在大阪会晤。", "2019-06-27");
    assert!(held.iter().all(|f| f.ends_with("2019-06-27..2019-06-27")), "{held:?}");
}

#[test]
fn a_sentence_opening_with_no_subject_is_of_the_leader_last_named() {
    let text = "美国总统布什今天结束访问。今天上午曾在清华大学发表演说,同时与中共国家副主席胡锦涛会面。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("布什") && f.contains("胡锦涛")), "{m:?}");
    let text = "李克强总理抵达吉隆坡。总理一行随后前往会见新西兰总理约翰·基。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("李克强") && f.contains("约翰·基")), "{m:?}");
    // A sentence that opens on someone not known as a leader is theirs, not the last leader's.
    let text = "巴基斯坦总统阿尔维会见高云龙。高云龙一行于2月13日访巴,其间还会见了参议院主席桑吉拉尼。";
    let m = meetings_of(text, "");
    assert!(!m.iter().any(|f| f.contains("桑吉拉尼")), "{m:?}");
    // 有机会见到: 会 of 机会 is no verb of talks.
    let m = meetings_of("习近平总书记出席。朱婷说,这次有机会见到总书记。", "");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn a_discussion_held_between_leaders_is_talks_but_not_on_the_telephone() {
    let text = "访问中,尼克松总统和周恩来总理就两国关系正常化问题进行了广泛、认真和坦率的讨论。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("尼克松") && f.contains("周恩来")), "{m:?}");
    let m = meetings_of("俄罗斯总统普京与法国总统马克龙进行电话交谈。", "");
    assert!(m.is_empty(), "{m:?}");
    let m = meetings_of("双方经贸团队就共同关心的问题进行了深入讨论。", "");
    assert!(m.is_empty(), "{m:?}");
    // An exchange (交流) held in person is talks too; one of peoples or fields is not.
    let m = meetings_of("国家主席习近平今天在成都和法国总统马克龙进行「友好交流」。", "");
    assert!(m.iter().any(|f| f.contains("习近平") && f.contains("马克龙")), "{m:?}");
    let m = meetings_of("两国青年进行了广泛交流。", "");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn two_countries_forms_and_both_foreign_ministers_name_both_sides() {
    let text = "美国总统艾森豪威尔在机场欢迎苏联部长会议主席赫鲁晓夫。苏美领导人开始会谈。";
    let m = meetings_dated(text, "1959-09-15");
    assert!(m.iter().any(|f| f.contains("艾森豪威尔") && f.contains("赫鲁晓夫")), "{m:?}");
    let text = "越南外长裴青山欢迎澳大利亚外长黄英贤来访。两国外长会面气氛愉悦。";
    let m = meetings_of(text, "");
    assert!(m.iter().any(|f| f.contains("裴青山") && f.contains("黄英贤")), "{m:?}");
    // Three countries' forms name no two heads.
    let text = "中国外长王毅、俄罗斯外长拉夫罗夫出席。中俄印外长第十六次会晤将于2月27日在浙江举行。";
    let m = meetings_of(text, "");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn one_range_for_a_trip_to_several_hosts_starts_the_first_visit_and_ends_the_last() {
    let text =
        "国家主席习近平将于2019年10月11日至13日赴印度出席中印领导人第二次非正式会晤并对尼泊尔进行国事访问。";
    let found = visits(text);
    assert!(
        found.contains(&"Visit visitor=习近平 hostCountry=印度 访问 2019-10-11..2019-10".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Visit visitor=习近平 hostCountry=尼泊尔 国事访问 2019-10..2019-10-13".to_owned()),
        "{found:?}"
    );
    let text =
        "国家主席习近平11日乘专机离开北京,应印度总理莫迪和尼泊尔总统班达里邀请,分别赴印度出席中印领导人\
                第二次非正式会晤并对尼泊尔进行国事访问。";
    let left = facts_dated(text, "", Some("2019-10-11"));
    let dated = |host: &str, dates: &str| {
        left.iter().any(|f| f.contains(&format!("hostCountry={host} ")) && f.ends_with(&format!(" {dates}")))
    };
    assert!(dated("印度", "2019-10-11..2019-10") && dated("尼泊尔", "2019-10..2019-10"), "{left:?}");
    // One host: the range is the visit's own.
    let one = visits("国家主席习近平于2019年10月12日至13日对尼泊尔进行国事访问。");
    assert_eq!(one, ["Visit visitor=习近平 hostCountry=尼泊尔 国事访问 2019-10-12..2019-10-13"]);
}

#[test]
fn a_visit_named_as_a_thing_is_dated_by_the_month_of_its_report() {
    let visit = |text: &str| {
        let found = facts_dated(text, "", Some("2019-10-14"));
        found.into_iter().find(|f| f.starts_with("Visit")).unwrap_or_default()
    };
    let named = visit("中国国家主席习近平对尼泊尔的访问,让尼中两国的友谊提升到一个更高的层次。");
    assert!(named.ends_with(" 2019-10..2019-10"), "{named}");
    let told = visit("国家主席习近平对尼泊尔进行国事访问。");
    assert!(told.ends_with(" 2019-10-14..2019-10-14"), "{told}");
    let ended = visit("宴会结束后,习近平结束对尼泊尔的国事访问,乘专机回到北京。");
    assert!(ended.ends_with(" 2019-10-14"), "{ended}");
}

#[test]
fn a_guest_coming_told_as_a_verb_visits_the_reports_country() {
    let v = visits("日本首相海部俊树明天来访,中国政府表示欢迎。");
    assert_eq!(v, ["Visit visitor=海部俊树 hostCountry=中国 访问"], "{v:?}");
    let v = visits("中国欢迎自民党副总裁二阶堂进。七十五岁的二阶堂进两年前以中曾根首相特使的身份来访时,胡耀邦在武汉会见了他。");
    assert_eq!(v, ["Visit visitor=二阶堂进 hostCountry=中国 访问"], "{v:?}");
    // A welcome, a hope or a companion tells no coming; 来访的X is the described guest's.
    assert!(visits("中国欢迎日本首相海部俊树来访。").is_empty());
    assert!(visits("中国领导人同日本首相海部俊树一起来访。").is_empty());
}

#[test]
fn him_met_is_the_subject_of_the_clause_before_when_it_met_no_one() {
    let m = meetings_of("日本自民党副总裁二阶堂进两年前来访时,中共中央总书记胡耀邦在武汉会见了他。", "");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("二阶堂进") && m[0].contains("胡耀邦"), "{m:?}");
}

#[test]
fn an_arrival_dates_a_visits_first_day_only() {
    let v: Vec<String> = facts_dated("国家主席习近平11日乘专机抵达印度金奈。", "", Some("2019-10-11"))
        .into_iter()
        .filter(|f| f.starts_with("Visit"))
        .collect();
    assert_eq!(v, ["Visit visitor=习近平 hostCountry=印度 访问 2019-10-11..2019-10"], "{v:?}");
}

#[test]
fn a_pronoun_after_a_pronoun_is_still_the_leader_named_before() {
    let v = visits(
        "新华社阿布贾4月26日电 胡锦涛从卡萨布兰卡乘专机抵达阿布贾。此前他已经访问了美国和沙特阿拉伯。\
         他还将对肯尼亚进行国事访问。",
    );
    assert!(v.iter().any(|f| f.contains("visitor=胡锦涛") && f.contains("hostCountry=肯尼亚")), "{v:?}");
}

#[test]
fn a_guest_described_by_the_visit_they_are_making_visits() {
    let v = visits("北京二日电:正在访问中国的美国总统福特,二日下午前往中南海拜访毛泽东主席。");
    assert!(v.iter().any(|f| f.contains("visitor=福特") && f.contains("hostCountry=中国")), "{v:?}");
}

#[test]
fn an_invitation_to_visit_is_no_visit() {
    let v = visits("印度外交部长瓦杰帕伊再次转达了印度总统和总理请勃列日涅夫对印度进行友好访问的邀请。");
    assert!(v.iter().all(|f| !f.contains("visitor=勃列日涅夫")), "{v:?}");
}

#[test]
fn a_trip_going_on_and_a_host_described_are_visits() {
    let v = visits("美国国务卿布林肯展开中东访问行程,在埃及短暂停留后转抵以色列访问。");
    assert_eq!(v, ["Visit visitor=布林肯 hostCountry=以色列 访问"], "{v:?}");
    let v = visits("巴西总统卢拉预计23日起转赴韩国,参加企业论坛。");
    assert_eq!(v, ["Visit visitor=卢拉 hostCountry=韩国 访问"], "{v:?}");
    let v = visits("日本首相岸田文雄预计出访主办亚太经济论坛的越南、泰国。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].contains("hostCountry=越南") && v[1].contains("hostCountry=泰国"), "{v:?}");
    let v = visits("日本首相安倍晋三之后转到意大利、斯洛伐克及欧盟总部所在地比利时。");
    assert!(v.iter().any(|f| f.contains("hostCountry=意大利")), "{v:?}");
    assert!(v.iter().any(|f| f.contains("hostCountry=斯洛伐克")), "{v:?}");
    let v = visits("日本首相安倍晋三下周五前往美国举行日美首脑会谈。");
    assert_eq!(v, ["Visit visitor=安倍晋三 hostCountry=美国 访问"], "{v:?}");
    let v = visits("美国副总统哈里斯去年8月访问过新加坡。");
    assert_eq!(v, ["Visit visitor=哈里斯 hostCountry=新加坡 访问"], "{v:?}");
    // 造访 is 访问; 赶往 goes on like 转往; a clause opening with 与 or 和 leaves its subject out, its
    // leader a partner.
    let v = visits("印尼总统佐科威26日造访北京,与国家主席习近平会面,27日就赶往日本东京,和日本首相岸田文雄举行会谈,28日又要转往韩国首尔。");
    assert_eq!(v.len(), 3, "{v:?}");
    for host in ["中国", "日本", "韩国"] {
        assert!(
            v.iter().any(|f| f.contains("visitor=佐科") && f.contains(&format!("hostCountry={host}"))),
            "{v:?}"
        );
    }
    // 他 after the sentence's own subject is that subject, not a leader of the sentence before.
    let text =
        "李显龙与联合国秘书长古特雷斯会面。李显龙总理上次访美是在2019年9月,他当时到美国出席联合国大会。";
    assert!(visits(text).iter().all(|f| !f.contains("visitor=古特雷斯")), "{:?}", visits(text));
    // Names listed before their offices (宋庆龄副主席、周恩来总理) all arrive.
    let v = visits("宋庆龄副主席、周恩来总理和陈毅副总理今天下午乘专机到达锡兰首都科伦坡。");
    assert_eq!(v.len(), 3, "{v:?}");
    // A guest the words describe is no host of the one who receives them.
    let v = visits("尚达曼总统会见到访我国的中国国家副主席韩正。");
    assert!(v.iter().all(|f| !f.contains("visitor=尚达曼")), "{v:?}");
}

#[test]
fn he_who_speaks_is_the_one_his_next_sentence_means() {
    let text = "美国国务卿克里斯托弗说,他期待着与钱其琛外长的会晤。他说,他还将飞往海参崴同俄罗斯外长科济列夫举行会晤。";
    let v = visits(text);
    assert_eq!(v, ["Visit visitor=克里斯托弗 hostCountry=俄罗斯 访问"], "{v:?}");
}
