// Chinese lexicons and phrase rules, written in Traditional characters for app, shop and
// delivery reviews (the common Simplified spellings of the same words are listed too). The host
// splits Chinese with ICU's dictionary word breaker, which keeps frequent compounds whole
// ("不好", "很慢", "好用"), so compounds are listed beside their parts.
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"好", 1.9f}, {"很好", 2.6f}, {"好用", 2.4f}, {"很好用", 2.8f}, {"不錯", 2.0f}, {"不错", 2.0f},
    {"讚", 2.8f}, {"赞", 2.8f}, {"棒", 2.8f}, {"很棒", 3.0f}, {"超棒", 3.0f}, {"喜歡", 2.4f},
    {"喜欢", 2.4f}, {"愛", 2.6f}, {"滿意", 2.4f}, {"满意", 2.4f}, {"推薦", 2.0f}, {"推荐", 2.0f},
    {"實用", 2.0f}, {"实用", 2.0f}, {"方便", 1.8f}, {"很方便", 2.4f}, {"清楚", 1.4f},
    {"簡單", 1.4f}, {"简单", 1.4f}, {"容易", 1.2f}, {"順暢", 2.0f}, {"顺畅", 2.0f}, {"流暢", 2.0f},
    {"流畅", 2.0f}, {"快", 1.2f}, {"很快", 1.8f}, {"快速", 1.6f}, {"穩定", 1.6f}, {"稳定", 1.6f},
    {"完美", 3.0f}, {"優秀", 2.8f}, {"优秀", 2.8f}, {"貼心", 2.4f}, {"贴心", 2.4f},
    {"感謝", 1.8f}, {"感谢", 1.8f}, {"謝謝", 1.6f}, {"谢谢", 1.6f}, {"開心", 2.4f}, {"开心", 2.4f},
    {"划算", 1.8f}, {"便宜", 1.0f}, {"優惠", 1.0f}, {"直覺", 1.4f}, {"友善", 2.0f}, {"厲害", 2.4f},
    {"厉害", 2.4f}, {"成功", 1.2f, -2.0f}, {"好吃", 2.8f}, {"美味", 2.8f}, {"漂亮", 2.4f},
    {"舒服", 2.2f}, {"親切", 2.2f}, {"亲切", 2.2f}, {"專業", 1.8f}, {"专业", 1.8f}, {"值得", 1.8f},
    {"好看", 2.2f}, {"完善", 1.8f}, {"及時", 1.4f}, {"準時", 1.6f}, {"准时", 1.6f},
    // Complaints
    {"爛", -3.0f}, {"烂", -3.0f}, {"爛的", -3.0f}, {"很爛", -3.2f}, {"超爛", -3.2f}, {"爛透", -3.2f},
    {"差", -2.5f}, {"很差", -2.8f}, {"太差", -2.8f}, {"超差", -3.0f}, {"不好", -2.0f},
    {"難用", -2.6f}, {"难用", -2.6f}, {"不好用", -2.6f}, {"難", -1.4f}, {"难", -1.4f},
    {"很難", -2.0f}, {"太難", -2.2f}, {"難找", -1.8f}, {"慢", -1.6f}, {"很慢", -2.0f}, {"太慢", -2.2f},
    {"超慢", -2.4f}, {"卡", -1.6f}, {"卡住", -2.0f}, {"卡頓", -2.2f}, {"卡顿", -2.2f},
    {"無法", -1.8f}, {"无法", -1.8f}, {"沒辦法", -1.8f}, {"不能", -1.4f}, {"不行", -1.8f},
    {"問題", -1.4f}, {"问题", -1.4f}, {"錯誤", -2.0f}, {"错误", -2.0f}, {"失敗", -2.0f},
    {"失败", -2.0f}, {"閃退", -2.6f}, {"闪退", -2.6f}, {"當機", -2.6f}, {"死機", -2.6f},
    {"垃圾", -3.0f}, {"失望", -2.6f}, {"麻煩", -2.0f}, {"麻烦", -2.0f}, {"糟糕", -2.8f},
    {"浪費", -2.4f}, {"浪费", -2.4f}, {"煩", -2.0f}, {"烦", -2.0f}, {"討厭", -2.6f},
    {"讨厌", -2.6f}, {"生氣", -2.6f}, {"生气", -2.6f}, {"騙", -3.0f}, {"骗", -3.0f},
    {"詐騙", -3.0f}, {"诈骗", -3.0f}, {"負評", -2.4f}, {"差評", -2.6f}, {"差评", -2.6f},
    {"退費", -1.6f}, {"退款", -1.6f}, {"缺貨", -1.2f}, {"缺货", -1.2f}, {"消失", -1.4f},
    {"放棄", -2.0f}, {"放弃", -2.0f}, {"找不到", -1.8f}, {"打不開", -2.4f}, {"打不开", -2.4f},
    {"不進去", -2.0f}, {"看不到", -1.6f}, {"不出來", -1.6f}, {"鬼打牆", -2.6f}, {"不方便", -2.2f},
    {"不清楚", -1.6f}, {"不穩", -2.0f}, {"延遲", -1.6f}, {"延迟", -1.6f}, {"改善", -1.2f},
    {"改進", -1.2f}, {"故障", -2.2f}, {"壞", -2.4f}, {"坏", -2.4f}, {"壞掉", -2.6f},
    {"貴", -1.0f}, {"贵", -1.0f}, {"難吃", -2.8f}, {"难吃", -2.8f}, {"髒", -2.4f}, {"脏", -2.4f},
    {"態度差", -2.8f}, {"不耐煩", -2.4f}, {"無言", -2.0f}, {"无语", -2.0f}, {"傻眼", -2.2f},
    {"誇張", -1.6f}, {"扯", -1.8f}, {"離譜", -2.4f}, {"离谱", -2.4f}, {"不爽", -2.4f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"很", 0.293f}, {"非常", 0.293f}, {"超", 0.293f}, {"超級", 0.293f}, {"超级", 0.293f},
    {"太", 0.293f}, {"真的", 0.293f}, {"真", 0.2f}, {"最", 0.293f}, {"極", 0.293f},
    {"极", 0.293f}, {"完全", 0.293f}, {"有夠", 0.293f}, {"特別", 0.293f}, {"特别", 0.293f},
    {"蠻", 0.15f}, {"挺", 0.15f}, {"有點", -0.293f}, {"有点", -0.293f}, {"稍微", -0.293f},
    {"有些", -0.2f},
};
// clang-format on

constexpr const char *negators[] = {"不",   "沒",   "没",   "沒有", "没有", "無",   "别",
                                    "別",   "未",   "也不", "都不", "並不", "从不", "從不",
                                    "不會", "不会", "不太", "也沒", "都沒", "不是"};

constexpr const char *contrasts[] = {"但", "但是", "可是", "不過", "不过", "卻", "却", "然而"};

constexpr const char *function_words[] = {
    "的", "了", "是", "我",   "在",   "都",   "也",   "就",   "有",   "這",   "这", "要",
    "會", "会", "你", "還",   "还",   "嗎",   "吗",   "吧",   "啊",   "啦",   "後", "给",
    "給", "跟", "又", "一直", "什麼", "什么", "這個", "这个", "可以", "我們",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // Referral: "推薦" (recommend) beside its negation, which ICU may keep in one word.
    {"推薦|推荐", S::referral, 0.8f},
    {"大力|強力 推薦|推荐", S::referral, 1.0f},
    {"不推薦|不推荐", S::referral, -0.8f, N::keep},
    {"不要 ~1 下載|下载|買|买", S::referral, -0.6f, N::keep},
    {"推薦|推荐 ~2 給|给 ~2 朋友|家人|大家", S::referral, 1.0f},
    {"介紹|介绍 ~2 朋友|家人", S::referral, 0.8f},
    // Repurchase: buying again or coming back ("不會再買" is its negation), or deleting the app.
    {"回購|回购", S::repurchase, 0.8f},
    {"再 ~1 買|买|購買|购买|來|来|光顧|光顾", S::repurchase, 0.6f},
    {"下次 ~2 再|還|还", S::repurchase, 0.6f},
    {"再也 ~1 不|不會|不会", S::repurchase, -0.8f, N::keep},
    {"刪除|删除|刪掉|删掉|刪了|删了|解除安裝|卸載|卸载 ~2 app", S::repurchase, -0.6f, N::drop},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break, "因為 因为 所以 而且 然後 然后 還有 还有 和"},
    {cue::scope_link, "去 來 来"},
    {cue::eager_verb, "等不及"},
    {cue::certainty, "確定 确定 一定"},
    {cue::doubt, "懷疑 怀疑"},
    {cue::hedge, "可能 也許 也许 或許 或许 應該 应该 大概"},
    {cue::former, "以前 曾經 曾经"},
    {cue::condition, "如果 要是 假如 除非"},
    {cue::concessive, "即使 就算"},
    {cue::addressee, "你 妳 您"},
    {cue::other_person, "他 她 朋友 店員 店员 服務生 服务生"},
    {cue::agent, "被"},
    {cue::passive, "被"},
    {cue::advice, "之前 先"},
    {cue::return_word, "退 退貨 退货"},
    {cue::travel, "機票 机票 航班 飛機 飞机 火車 火车"},
};

} // namespace

// Chinese negates what follows: no post-negators.
const language_data chinese{"zh",      valences,       boosters, negators, {},
                            contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
