//! Who visits: the leader a visit's words name, the one an invitation does not name, the subject a
//! clause leaves out, 我 in a speech, the one 他 stands for, and those listed with them.

use super::meetings::WITH;
use super::visit_patterns::GOING_ON;
use super::Sentences;
use crate::model::Kind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// 应X邀请 (应X之邀, 接受了X的邀请) inside a visitor's span: X is the host, not the visitor.
pub(super) static INVITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:应|接受了?)[^,;。]*?(?:邀请|之邀)").expect("invitation"));

/// Every leader of the visitor's words `span` who visits, leaving out an invitation's: all of them
/// when the visit says 分别 (沙伦赛、越南外长裴青山、东帝汶外长贲迪拓将于4月2日至5日分别访问中国: three
/// visits) or when they are a list joined by conjunctions with only offices between (周恩来和副总理兼
/// 外交部长陈毅…在柬埔寨进行了国事访问: two).
pub(super) fn each_visitor(s: &Sentences<'_>, span: Range<usize>, visit: &str) -> Vec<usize> {
    let leaders = leaders_not_inviting(s, span);
    let listed = leaders.windows(2).all(|pair| JOINED.is_match(s.between(pair[0], pair[1])));
    if visit.contains("分别") || listed {
        leaders
    } else {
        Vec::new()
    }
}

/// What may stand between two leaders who do the same: a conjunction and the second one's office, or
/// the first one's office and a conjunction (宋庆龄副主席、周恩来总理和陈毅副总理).
static JOINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{0,3}[席理统相长王帅记])?(?:和|与|及|以及|、)\p{Han}{0,12}$").expect("joined")
});

/// 汪文斌表示,中方欢迎布里德市长访华: after what is said, the one welcomed is the visitor, not the
/// one speaking. The span to find the visitor in: from the said 欢迎 to the end of the pattern's
/// match `whole`, or `visitor` when nothing such is said.
pub(super) fn after_welcome(s: &Sentences<'_>, visitor: Range<usize>, whole: Range<usize>) -> Range<usize> {
    let text = &s.text[visitor.start..whole.end];
    let said = SPEAKING.iter().filter_map(|w| text.find(&format!("{w},")).map(|i| i + w.len() + 1)).min();
    match said.and_then(|from| text[from..].rfind("欢迎").map(|i| from + i + "欢迎".len())) {
        Some(at) => visitor.start + at..whole.end,
        None => visitor,
    }
}

/// 他 or 她 standing for one person (not 他们, 其他, 他人).
pub(super) static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^其吉])[他她](?:[^们人国]|$)").expect("pronoun"));

/// The leader a pronoun in sentence `index` stands for: the last leader of the sentence before it, or
/// of the one before a run of sentences that name their subject by a pronoun too (胡锦涛…抵达阿布贾。
/// 此前他已经访问了美国。他还将对肯尼亚进行国事访问: 胡锦涛), at most three sentences back.
pub(super) fn antecedent(s: &Sentences<'_>, index: usize) -> Option<usize> {
    for back in 1..=3 {
        let previous = s.spans.get(index.checked_sub(back)?)?;
        // 克里斯托弗说,他期待着与钱其琛外长的会晤。他说,他…还将飞往海参崴: the one who speaks, else the
        // last leader named.
        let leaders = s.of_kind(previous.clone(), Kind::Leader);
        let speaking = leaders.iter().copied().find(|&m| speaks(s, m, previous.end));
        if let Some(leader) = speaking.or(leaders.last().copied()) {
            return Some(leader);
        }
        if !PRONOUN.is_match(&s.text[previous.clone()]) {
            return None;
        }
    }
    None
}

/// Verbs of speaking: the leader before one is the speaker, not the one spoken to.
const SPEAKING: [&str; 5] = ["表示", "指出", "强调", "说", "谈到"];

/// The leader whose words the text at `at` reports: the last leader of its paragraph before it who
/// says something (习近平在贺电中指出, 马克龙表示); leaders named in the words do not say them.
pub(super) fn quoted_speaker(s: &Sentences<'_>, at: usize) -> Option<usize> {
    let paragraph = s.text[..at].rfind('\n').map_or(0, |i| i + 1);
    s.of_kind(paragraph..at, Kind::Leader).into_iter().rev().find(|&m| speaks(s, m, at))
}

/// True when the leader mentioned at `m` is followed by a verb of speaking before `end`.
fn speaks(s: &Sentences<'_>, m: usize, end: usize) -> bool {
    let after = &s.text[s.mentions[m].end..end.max(s.mentions[m].end)];
    // 在贺电中, 在致辞时: where the words were said may stand before the verb.
    let after = SAID_IN.find(after).map_or(after, |w| &after[w.end()..]);
    SPEAKING.iter().any(|w| after.starts_with(w))
}

/// Where words were said, between the one saying them and the verb (在贺电中, 在会谈时).
static SAID_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^在[^,;。]{1,12}?[中时上]").expect("said in"));

/// The leader addressed as 你 or 您 when `visitor` starts with one (会见沃尔科特时,王毅表示,你此次访华…):
/// the last leader of the sentence (from `from`) before it who is not the one speaking.
pub(super) fn addressee(s: &Sentences<'_>, from: usize, visitor: Range<usize>) -> Option<usize> {
    if !s.text[visitor.clone()].starts_with(['你', '您']) {
        return None;
    }
    s.of_kind(from..visitor.start, Kind::Leader)
        .into_iter()
        .rev()
        .find(|&m| !SPEAKING.iter().any(|w| s.text[s.mentions[m].end..].starts_with(w)))
}

/// Who of the leaders of an invitation invited the visit to `host`: 应印度总理莫迪和尼泊尔总统班达里邀请,
/// 分别赴印度…、对尼泊尔进行国事访问 gives each host its own. The one of the host's country; else, when
/// every one of several has another country, none; else the last (a leader of unknown country).
pub(super) fn inviter_of(s: &Sentences<'_>, inviters: &[usize], host: usize) -> Option<usize> {
    let country = |m: usize| s.entities[s.entity(m)].country.as_deref();
    let host_iri = s.entities[host].iri.as_str();
    if let Some(&m) = inviters.iter().find(|&&m| country(m) == Some(host_iri)) {
        return Some(m);
    }
    if inviters.len() > 1 && inviters.iter().all(|&m| country(m).is_some()) {
        return None;
    }
    inviters.last().copied()
}

/// True when the words before a verb of visiting end by wishing or weighing it (也在考虑访问东京, 希望能早日
/// 访华, 有意前往): a visit hoped for or considered is not one told.
pub(super) fn wished(words: &str) -> bool {
    WISHED.is_match(words)
}

/// A wish or a thought of visiting, with the adverbs and the way there after it.
static WISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:考虑|希望|盼望|期盼|渴望|有意|想要|很想)(?:能够|能|尽早|早日|尽快|再次|再度|亲自)*(?:前往|前来|来|到|去)?$")
        .expect("wished")
});

/// Verbs whose object is the one a leader replaces (安倍晋三接替小泉纯一郎担任首相后访问了中国): the
/// replaced one does not do what follows.
const REPLACING: [&str; 5] = ["接替", "取代", "继任", "接任", "替代"];

/// Verbs whose object is not the subject of the clause (邓副总理邀请田中先生访问中国,也欢迎…: the one
/// invited is not who welcomes).
const TAKING_AN_OBJECT: [&str; 4] = ["邀请", "欢迎", "会见", "接见"];

/// True when `before`, the text before a leader's name, ends with one of `verbs` and at most an
/// office after it (接替前首相小泉纯一郎, 邀请田中先生).
fn object_of(before: &str, verbs: &[&str]) -> bool {
    let window = before.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    verbs.iter().any(|w| {
        before[window..]
            .rfind(w)
            .is_some_and(|at| before[window + at + w.len()..].chars().all(|c| c.is_alphabetic()))
    })
}

/// `text` without its 应…邀请 phrases.
pub(super) fn without_invitation(text: &str) -> String {
    INVITATION.replace_all(text, "").into_owned()
}

/// The visitor in `span`: its last leader outside an 应…邀请 phrase (美国总统尼克松应周恩来的邀请访华).
pub(super) fn visitor_in(s: &Sentences<'_>, span: Range<usize>) -> Option<usize> {
    leaders_not_inviting(s, span).pop()
}

/// The leaders of `span` outside its 应…邀请 phrases, in order.
fn leaders_not_inviting(s: &Sentences<'_>, span: Range<usize>) -> Vec<usize> {
    let text = &s.text[span.clone()];
    let invitations: Vec<Range<usize>> =
        INVITATION.find_iter(text).map(|m| span.start + m.start()..span.start + m.end()).collect();
    s.of_kind(span, Kind::Leader)
        .into_iter()
        .filter(|&m| {
            !invitations.iter().any(|i| i.start <= s.mentions[m].start && s.mentions[m].end <= i.end)
        })
        .filter(|&m| !object_of(&s.text[..s.mentions[m].start], &REPLACING))
        .collect()
}

/// For an arrival (抵达, 飞抵), a trip going on (转往) or a visit (习近平2013年访问了墨西哥,2014年访问了巴西) whose own clause,
/// `visitor`, names nobody and starts after a comma, the subject left out: the first leader (outside
/// an invitation) of the nearest clause before it, in the sentence starting at `sentence_start`, that
/// names one (罗照辉指出,习近平主席将应…邀请,于…对尼泊尔进行国事访问: 习近平, not the one speaking).
pub(super) fn elided_subject(
    s: &Sentences<'_>,
    sentence_start: usize,
    visitor: Range<usize>,
    whole: &Range<usize>,
) -> Option<usize> {
    let arrival = s.text[whole.clone()].contains(['抵', '访'])
        || GOING_ON.iter().any(|w| s.text[whole.clone()].contains(w));
    // 对乌兹别克斯坦进行正式访问、出席…并对泰国进行正式访问: a visit listed after another is its subject's,
    // as is one joined to it by 并, 还 or 随后 alone (对乌兹别克斯坦进行正式访问并对泰国进行国事访问).
    let joined = s.text[visitor.clone()]
        .trim_matches(['并', '还', '将', '再', '又', '随', '然', '之', '后'])
        .is_empty();
    let clause_start = s.text[..visitor.start].ends_with([',', ';', '、'])
        || s.text[visitor.clone()].starts_with('、')
        || joined && !visitor.is_empty();
    // 在埃及短暂停留后转抵以色列: a place the subject was at names no one else.
    let unnamed = s
        .mentions_in(visitor.clone())
        .all(|(_, m)| m.kind != Kind::Leader && s.text[..m.start].ends_with(['在', '从', '由', '经']));
    if !(arrival && clause_start && unnamed) {
        return None;
    }
    let before = &s.text[sentence_start..visitor.start];
    let mut end = before.len();
    while end > 0 {
        let start = before[..end].trim_end_matches([',', ';']).rfind([',', ';']).map_or(0, |i| i + 1);
        // …,和日本首相岸田文雄举行会谈,今日又要转往韩国: a clause opening with 和, 与 or 同 left its
        // subject out too; the leader after the word is a partner.
        if before[start..end].starts_with(WITH) {
            end = start;
            continue;
        }
        let subject = leaders_not_inviting(s, sentence_start + start..sentence_start + end)
            .into_iter()
            .find(|&m| !object_of(&s.text[..s.mentions[m].start], &TAKING_AN_OBJECT));
        if let Some(first) = subject {
            return Some(first);
        }
        end = start;
    }
    None
}

/// Adverbs between a subject and its verb (我曾访问, 我也将访问).
const ADVERBS: [char; 9] = ['曾', '经', '将', '即', '也', '还', '已', '再', '又'];

/// The opening of a speaker's own visit with its subject left out (非常高兴应…邀请, 很荣幸).
pub(super) static GLAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:我|我们)?(?:非常|很|十分|特别|格外)?(?:高兴|荣幸|愉快)(?:地)?$").expect("glad")
});

/// Words between a subject and the place it goes to (我再次来到, 我首次前来, 我此次访问).
const ON_THE_WAY: [&str; 6] = ["再次", "首次", "前来", "来", "此次", "这次"];

/// True when the words before a verb of visiting end with 我, its adverbs and its way there left
/// out (我曾访问, 我再次来到).
pub(super) fn is_me(words: &str) -> bool {
    let mut rest = words.trim_end_matches(ADVERBS);
    while let Some(shorter) = ON_THE_WAY.iter().find_map(|w| rest.strip_suffix(w)) {
        rest = shorter.trim_end_matches(ADVERBS);
    }
    rest.ends_with('我')
}
