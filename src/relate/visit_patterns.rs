//! The patterns a visit is told with (对X进行国事访问, 前往X进行访问, 在X进行访问, 抵达X, 访问X, 访华, 访美)
//! and the words around them: the regular expressions `visits` tries on each sentence.

use regex::Regex;
use std::sync::LazyLock;

/// The type of a visit, official or not (正式国事访问, 正式工作访问, 正式友好访问 or 友好正式访问, 正式访问);
/// 国是访问 is the Taiwan spelling of 国事访问.
const KIND: &str = r"(?P<kind>(?:正式)?(?:国事和工作|国事|国是|工作|友好|私人)|友好正式|非正式|正式)?访问";
/// The ordinals and durations that may stand before the type: 首次, 第二次, 为期4天的, 六天.
const BEFORE_KIND: &str =
    r"(?:首次|再次|第[一二三四五六七八九十]{1,3}次|为期[^,;。]{1,6}的|[一二三四五六七八九十两\d]{1,3}天的?)?";

/// 对X进行国事访问, and the noun 朴槿惠总统对中国的国事访问.
pub(super) static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:应(?P<inviter>[^,;。]{{1,40}}?)邀请,?)?(?P<visitor>[^,;。]{{0,60}}?)(?:将|拟|于[^,;。对]{{0,30}}?)?(?:对|赴)(?P<host>[^,;。]{{1,30}}?)(?:进行(?:了)?|的){BEFORE_KIND}{KIND}"))
        .expect("visit")
});
/// 华国锋今天离开北京前往罗马尼亚进行正式友好访问, 每年都要到中国来进行访问, 将到巴基斯坦访问,
/// 启程赴美国国事访问, 将前往澳大利亚、日本和中国进行为期10天的亚洲之行, 赴印度出席…会晤, 前往华盛顿举行
/// 首脑会谈: going to the host for the visit, or to attend or hold something there.
pub(super) static WENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:应(?P<inviter>[^,;。]{{1,40}}?)邀请,?)?(?P<visitor>[^,;。]{{0,60}}?)(?:前往|到|去|赴)(?P<host>[^,;。出参前后]{{1,12}}?)(?:(?:来|去)?(?:进行(?:了)?)?{BEFORE_KIND}(?:{KIND}|\p{{Han}}{{0,4}}之行)|出席|参加|举行)"))
        .expect("went to visit")
});
/// 周恩来…于五月五日至九日在柬埔寨进行了国事访问, 他1985年在美国访问时: the visit where it took place (not the guest
/// described by it, 正在俄罗斯进行国事访问的习近平, nor a place of meeting, 在北京同…).
pub(super) static AT_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:应(?P<inviter>[^,;。]{{1,40}}?)邀请,?)?(?P<visitor>[^,;。]{{1,60}}?)(?:将|拟|于[^,;。在]{{0,30}}?)?在(?P<host>[^,;。同与和]{{1,20}}?)(?:进行(?:了)?)?{BEFORE_KIND}{KIND}(?P<modifies>的)?"))
        .expect("visit at host")
});
/// 周恩来和副总理兼外交部长陈毅,应柬埔寨王国政府的邀请,于五月五日至九日在柬埔寨进行了国事访问: the
/// invitation between the visitor and the visit.
pub(super) static INVITED_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<visitor>[^,;。]{{1,60}}?),应(?P<inviter>[^,;。]{{1,40}}?)邀请,(?:将|拟|于[^,;。在对]{{0,30}}?)?(?:在|对)(?P<host>[^,;。同与和]{{1,20}}?)进行(?:了)?{BEFORE_KIND}{KIND}(?P<modifies>的)?"))
        .expect("visit invited between")
});
/// 在对塞舌尔进行国事访问期间,胡锦涛同…, 访华期间,陈大光…, 应…邀请对老挝进行工作访问期间,以…黄忠海为首的…:
/// the visitor is the subject of the clause after.
pub(super) static DURING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[,:])(?:(?:在(?:对)?|(?:应(?P<inviter>[^,;。]{{1,50}}?)邀请,?)?对)(?P<host>[^,;。]{{1,30}}?)(?:进行)?{BEFORE_KIND}{KIND}|在?(?P<china>访华|来华|在华)(?:访问)?)期间,(?P<visitor>[^,;。]{{1,40}})"
    ))
    .expect("during visit")
});
/// 习近平12日抵达加德满都,开始对尼泊尔进行国事访问: the news agencies' way to report an arrival
/// (开始 may be left out).
pub(super) static ARRIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<visitor>[^,;。]{{1,60}}?)抵达[^,;。]{{1,20}},(?:正式)?(?:开始)?对(?P<host>[^,;。]{{1,30}}?)(?:的|进行){BEFORE_KIND}{KIND}"))
        .expect("arrived")
});
/// 布什开始了亚洲之行,访问的国家包括日本、韩国、中国和蒙古: the countries a trip's visits are listed as.
pub(super) static VISITED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<visitor>[^;。]{1,80}?),?(?:此次|这次|本次|将要|将)?(?:访问|出访)的国家(?:包括|有|为|是)(?P<host>[^;。]{2,60})")
        .expect("visited list")
});
/// 习近平乘专机抵达莫斯科, 到达新德里访问, 普京的专机23日晚降落在明斯克机场: an arrival in another
/// country's place is a visit there.
pub(super) static ARRIVED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<visitor>[^,;。]{0,60}?)(?:乘专机|乘坐专机|乘机)?(?:抵达|飞抵|到达|降落在|降落于)(?P<host>[^,;。]{1,20})",
    )
    .expect("arrived at")
});
/// 胡锦涛稍后抵悉尼, 已由伊拉克转抵澳洲, 卢拉预计23日起转赴韩国, 之后转到意大利, 27日就赶往日本东京:
/// the headlines' short 抵 and the going on of a trip, an arrival only where a country or a known place follows it right away
/// (not 抵制, 抵御).
pub(super) static ARRIVED_BRIEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<visitor>[^,;。]{{0,60}}?)(?:(?:转|飞)?抵|{})(?P<brief>)(?P<host>[^,;。]{{1,20}})",
        GOING_ON.join("|")
    ))
    .expect("arrived, brief")
});

/// Verbs of a trip going on (转往韩国, 飞往海参崴, 赶往日本东京): arrivals whose subject may be left out.
pub(super) const GOING_ON: [&str; 6] = ["转赴", "转往", "转到", "飞往", "赶往", "赶赴"];
/// 会见正在俄罗斯进行国事访问的习近平, 正在肯尼亚访问的习近平会见…, 应邀来我国访问的金日成, 应印度政府
/// 邀请到印度访问的布尔加宁, 同前来苏联作正式访问的英迪拉·甘地 (作, the older 进行): a guest described by a
/// visit abroad.
pub(super) static GUEST_ABROAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?:(?:会见|会晤|接见|欢迎|宴请|同|与|和)正?|正)在(?:对)?|(?:应邀|应[^,;。]{{1,20}}?邀请)?(?:前)?(?:来|到))(?P<host>[^,;。的]{{1,15}}?)(?:进行|作)?{BEFORE_KIND}{KIND}的(?P<visitor>(?:共和|[^,;。、和]){{1,30}})"))
        .expect("guest abroad")
});
/// 正在访问中国的美国总统福特: a guest described by the visit they are making, its host after the verb.
pub(super) static GUEST_VISITING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"正在(?:进行)?{KIND}(?P<host>[^,;。的]{{1,15}}?)的(?P<visitor>(?:共和|[^,;。、和]){{1,30}})"
    ))
    .expect("guest visiting")
});
/// 周恩来阁下,应尼赫鲁阁下的邀请来到德里: the older way, the visitor before the invitation.
pub(super) static CAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<visitor>[^,;:。]{1,60}?),?应(?P<inviter>[^,;。]{1,50}?)邀请,?(?P<gap>[^,;。]{0,30}?)(?:来到|到达|前来|来|赴)(?P<host>[^,;。]{1,20})")
        .expect("came")
});
/// 结束对埃及的国事访问, 结束了在中国的访问, 结束应…邀请对美国进行的正式访问: the end of a visit.
pub(super) static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<visitor>[^,;。]{{1,20}}?)结束(?:了)?(?:应(?P<inviter>[^,;。]{{1,40}}?)邀请)?(?:对|在)(?P<host>[^,;。]{{1,30}}?)(?:进行)?的{BEFORE_KIND}{KIND}"
    ))
    .expect("ended visit")
});
pub(super) static VISITED: LazyLock<Regex> = LazyLock::new(|| {
    // 访问的法国总统 is the visiting president, not a visit to France. 到访 and 造访 are the press's 访问
    // (沙纳汉到访阿富汗, 26日才造访北京), 突访 its surprise visit. The visitor may stand far before the verb
    // when glosses in brackets stand between (马克宏(Emmanuel Macron)7月2日至4日将应…(Frank-Walter Steinmeier)之邀造访).
    Regex::new(r"(?P<visitor>[^,;。]{0,90}?)(?:首次|正式|再次|成功|将)?(?:访问|出访|顺访|到访|造访|突访|走访)(?:了|过)?(?P<host>[^,;。的][^,;。]{0,23})")
        .expect("visited")
});
pub(super) static TO_CHINA: LazyLock<Regex> = LazyLock::new(|| {
    // 马克龙表示,很高兴首次来华进行国事访问: the one who says so is the visitor (王毅表示,你此次访华: not).
    // 同来华出席…并进行工作访问的Y, 会见来华进行正式访问并出席…的Y: other business may stand beside the visit,
    // or be all it says (会见来华出席论坛的Y: a guest come to China, described after a verb of meeting).
    Regex::new(&format!(r"(?P<visitor>[^,;。]{{1,30}}?)(?:(?:表示|说),(?:[^,;。你您][^,;。]{{0,11}}?)?)?(?:将|于[^,;。]{{0,20}}?)?(?:访华|来华(?:[^,;。的]{{1,40}}?并)?(?:进行)?{BEFORE_KIND}{KIND}(?:并[^,;。的]{{1,40}}(?P<also>的))?|访问中国|来华(?:出席|参加)[^,;。的]{{1,40}}(?P<attending>的))(?P<modifies>的)?"))
        .expect("to China")
});
/// 胡锦涛副主席将于近期访美, 密特朗赴日访问: a visit to the country of a one-character form.
pub(super) static TO_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<visitor>[^,;。]{{1,30}}?)(?:将|于[^,;。]{{0,20}}?)?(?:访(?P<form>\p{{Han}})|赴(?P<went>\p{{Han}})(?:进行(?:了)?)?{BEFORE_KIND}{KIND})"))
        .expect("to form")
});
