// English lexicons and phrase rules, written for customer reviews (products, shops,
// restaurants, services). Valences on the -4..+4 scale.
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"good", 1.9f}, {"great", 3.0f}, {"greatest", 3.0f}, {"excellent", 3.0f}, {"exellent", 3.0f},
    {"excelent", 3.0f}, {"amazing", 2.9f}, {"amazingly", 2.5f}, {"awesome", 3.0f},
    {"fantastic", 3.0f}, {"wonderful", 2.9f}, {"wonderfully", 2.5f}, {"outstanding", 3.0f},
    {"superb", 3.0f}, {"terrific", 2.9f}, {"fabulous", 2.9f}, {"phenomenal", 3.0f},
    {"incredible", 2.8f}, {"exceptional", 2.9f}, {"brilliant", 2.8f}, {"marvelous", 2.8f},
    {"stellar", 2.8f}, {"spectacular", 2.9f}, {"magnificent", 2.9f}, {"superior", 2.0f},
    {"best", 3.0f}, {"better", 1.3f}, {"perfect", 3.0f}, {"perfectly", 2.5f}, {"perfection", 3.0f},
    {"flawless", 3.0f}, {"ideal", 2.2f}, {"nice", 1.8f}, {"nicely", 1.6f}, {"lovely", 2.6f},
    {"beautiful", 2.8f}, {"beautifully", 2.6f}, {"gorgeous", 3.0f}, {"cute", 2.0f},
    {"adorable", 2.5f}, {"stunning", 2.9f}, {"elegant", 2.2f}, {"stylish", 2.0f}, {"sharp", 1.0f},
    {"classy", 2.0f}, {"sleek", 1.6f}, {"fine", 0.8f}, {"decent", 1.0f}, {"solid", 1.6f},
    {"sturdy", 1.8f}, {"durable", 1.9f}, {"reliable", 2.0f}, {"quality", 1.2f},
    {"comfortable", 2.2f}, {"comfortably", 2.0f}, {"comfy", 2.2f}, {"comfort", 1.5f},
    {"cozy", 2.0f}, {"cosy", 2.0f}, {"soft", 1.3f}, {"lightweight", 1.3f}, {"breathable", 1.4f},
    {"supportive", 1.8f}, {"flattering", 2.2f}, {"fits", 0.6f, -1.9f}, {"fit", 0.4f, -1.9f},
    {"fitting", 0.3f, -1.5f}, {"true", 0.6f}, {"works", 0.6f, -2.0f}, {"work", 0.3f, -2.0f},
    {"worked", 0.6f, -2.0f}, {"working", 0.4f, -2.0f}, {"functional", 1.2f}, {"useful", 1.8f},
    {"handy", 1.6f}, {"practical", 1.4f}, {"convenient", 1.8f}, {"easy", 1.6f}, {"easily", 1.2f},
    {"effortless", 1.8f}, {"simple", 0.8f}, {"clean", 1.5f}, {"spotless", 2.4f}, {"tidy", 1.4f},
    {"fresh", 1.6f}, {"freshly", 1.2f}, {"delicious", 3.0f}, {"deliciousness", 3.0f},
    {"tasty", 2.5f}, {"yummy", 2.6f}, {"yum", 2.3f}, {"flavorful", 2.4f}, {"flavourful", 2.4f},
    {"savory", 1.4f}, {"juicy", 1.6f}, {"crispy", 1.3f}, {"tender", 1.5f}, {"mouthwatering", 2.8f},
    {"scrumptious", 3.0f}, {"delectable", 3.0f}, {"divine", 2.8f}, {"heavenly", 2.8f},
    {"authentic", 1.6f}, {"generous", 2.0f}, {"plentiful", 1.5f}, {"hearty", 1.5f},
    {"affordable", 1.8f}, {"reasonable", 1.4f}, {"reasonably", 1.2f}, {"bargain", 1.8f},
    {"inexpensive", 1.2f}, {"worth", 1.6f, -2.0f}, {"worthwhile", 2.0f}, {"value", 1.0f},
    {"fast", 1.3f}, {"quick", 1.2f}, {"quickly", 1.2f}, {"prompt", 1.6f}, {"promptly", 1.6f},
    {"speedy", 1.6f}, {"timely", 1.5f}, {"efficient", 1.8f}, {"organized", 1.3f},
    {"friendly", 2.2f}, {"helpful", 2.2f}, {"kind", 1.8f}, {"polite", 1.8f}, {"courteous", 2.0f},
    {"attentive", 2.2f}, {"welcoming", 2.2f}, {"warm", 1.2f}, {"sweet", 1.8f}, {"caring", 2.0f},
    {"accommodating", 2.0f}, {"knowledgeable", 2.0f}, {"professional", 1.9f},
    {"professionally", 1.7f}, {"responsive", 1.8f}, {"honest", 2.0f}, {"trustworthy", 2.2f},
    {"patient", 1.6f}, {"thoughtful", 1.9f}, {"respectful", 1.8f}, {"fun", 2.1f},
    {"enjoyable", 2.3f}, {"pleasant", 2.2f}, {"pleasantly", 2.0f}, {"relaxing", 2.0f},
    {"charming", 2.3f}, {"inviting", 1.8f}, {"gem", 2.5f}, {"treasure", 2.3f}, {"winner", 2.4f},
    {"favorite", 2.4f}, {"favourite", 2.4f}, {"favorites", 2.2f}, {"love", 3.1f}, {"loved", 2.9f},
    {"loves", 2.8f}, {"loving", 2.5f}, {"lovin", 2.5f}, {"adore", 3.0f}, {"adored", 2.8f},
    {"like", 1.2f}, {"liked", 1.6f}, {"likes", 1.4f}, {"enjoy", 2.1f}, {"enjoyed", 2.2f},
    {"enjoying", 2.0f}, {"appreciate", 2.0f}, {"appreciated", 2.0f}, {"happy", 2.6f},
    {"happier", 2.2f}, {"pleased", 2.2f}, {"satisfied", 2.0f}, {"glad", 2.0f}, {"thrilled", 2.9f},
    {"delighted", 2.9f}, {"impressed", 2.4f}, {"impressive", 2.4f}, {"exceeded", 2.0f},
    {"exceeds", 2.0f}, {"wow", 2.5f}, {"yay", 2.4f}, {"thanks", 1.6f}, {"thank", 1.5f},
    {"grateful", 2.3f}, {"thankful", 2.3f}, {"recommend", 1.6f}, {"recommended", 1.4f},
    {"recommendation", 1.0f}, {"win", 2.0f}, {"success", 2.0f}, {"successful", 2.0f},
    {"satisfying", 2.0f}, {"glowing", 2.0f}, {"compliments", 2.2f}, {"complimented", 2.0f},
    {"bravo", 2.6f}, {"kudos", 2.4f}, {"ok", 0.6f}, {"okay", 0.6f}, {"acceptable", 0.8f},
    {"positive", 1.8f}, {"smooth", 1.4f}, {"seamless", 2.0f}, {"hassle", -1.5f}, {"safe", 1.2f},
    {"secure", 1.2f}, {"warmer", 0.8f}, {"warmth", 1.0f}, {"versatile", 1.6f}, {"vibrant", 1.6f},
    {"bright", 1.0f}, {"crisp", 1.2f}, {"helped", 1.2f}, {"cool", 1.3f}, {"awesomeness", 3.0f},
    {"terrifically", 2.6f}, {"wonder", 0.8f}, {"joy", 2.6f}, {"hooked", 1.6f}, {"addicted", 1.2f},
    {"fave", 2.3f}, {"highlight", 1.8f}, {"clever", 1.8f}, {"smart", 1.5f}, {"correct", 1.0f},
    {"accurate", 1.4f}, {"exactly", 0.6f}, {"described", 0.6f}, {"expected", 0.3f}, {"beat", 0.6f},
    {"unbeatable", 2.4f}, {"sturdier", 1.2f},
    // Complaints
    {"bad", -2.5f}, {"badly", -2.3f}, {"poor", -2.2f}, {"poorly", -2.3f}, {"terrible", -3.0f},
    {"terribly", -2.5f}, {"horrible", -3.0f}, {"horribly", -2.6f}, {"awful", -3.0f},
    {"awfully", -1.5f}, {"dreadful", -2.9f}, {"atrocious", -3.2f}, {"abysmal", -3.2f},
    {"worst", -3.2f}, {"worse", -2.2f}, {"disappointing", -2.4f}, {"disappointed", -2.4f},
    {"disappointment", -2.4f}, {"disappoints", -2.2f}, {"disappoint", -2.0f}, {"unhappy", -2.2f},
    {"dissatisfied", -2.4f}, {"unsatisfied", -2.2f}, {"upset", -2.0f}, {"annoyed", -2.0f},
    {"annoying", -2.0f}, {"frustrated", -2.2f}, {"frustrating", -2.2f}, {"frustration", -2.0f},
    {"angry", -2.4f}, {"furious", -3.0f}, {"mad", -1.8f}, {"hate", -2.8f}, {"hated", -2.8f},
    {"hates", -2.6f}, {"dislike", -1.8f}, {"disliked", -1.8f}, {"sucks", -2.6f}, {"sucked", -2.6f},
    {"suck", -2.4f}, {"crap", -2.6f}, {"crappy", -2.6f}, {"junk", -2.5f}, {"garbage", -2.8f},
    {"trash", -2.5f}, {"rubbish", -2.5f}, {"useless", -2.6f}, {"worthless", -2.8f},
    {"pointless", -2.0f}, {"waste", -2.4f}, {"wasted", -2.2f}, {"mediocre", -1.8f}, {"meh", -1.2f},
    {"subpar", -2.0f}, {"inferior", -2.0f}, {"lousy", -2.4f}, {"pathetic", -2.7f},
    {"ridiculous", -2.0f}, {"absurd", -1.8f}, {"unacceptable", -2.8f}, {"inexcusable", -2.8f},
    {"outrageous", -2.4f}, {"shameful", -2.6f}, {"disgrace", -2.8f}, {"disgraceful", -2.8f},
    {"embarrassing", -2.0f}, {"nightmare", -2.8f}, {"disaster", -2.8f}, {"fail", -2.2f},
    {"failed", -2.2f}, {"fails", -2.0f}, {"failure", -2.4f}, {"problem", -1.6f},
    {"problems", -1.6f}, {"issue", -1.2f}, {"issues", -1.2f}, {"complaint", -1.5f},
    {"complaints", -1.5f}, {"complain", -1.2f}, {"trouble", -1.6f}, {"mess", -1.8f},
    {"messy", -1.5f}, {"mistake", -1.8f}, {"mistakes", -1.8f}, {"error", -1.5f}, {"wrong", -2.0f},
    {"incorrect", -1.8f}, {"missing", -1.8f}, {"lost", -1.5f}, {"late", -1.4f}, {"delayed", -1.6f},
    {"delay", -1.4f}, {"slow", -1.6f}, {"slowly", -1.2f}, {"forever", -0.8f}, {"wait", -0.6f},
    {"waited", -1.0f}, {"waiting", -0.8f}, {"rude", -2.8f}, {"rudely", -2.6f},
    {"unfriendly", -2.4f}, {"unhelpful", -2.4f}, {"unprofessional", -2.6f}, {"incompetent", -2.8f},
    {"careless", -2.2f}, {"ignored", -2.2f}, {"dismissive", -2.2f}, {"condescending", -2.4f},
    {"arrogant", -2.2f}, {"attitude", -1.2f}, {"scam", -3.0f}, {"scammed", -3.0f}, {"fraud", -3.0f},
    {"ripoff", -2.8f}, {"overpriced", -2.2f}, {"overrated", -2.0f}, {"pricey", -0.8f},
    {"expensive", -0.9f}, {"cheap", -0.6f}, {"cheaply", -1.8f}, {"flimsy", -2.2f},
    {"fragile", -1.2f}, {"thin", -0.5f}, {"broke", -2.0f}, {"broken", -2.3f}, {"breaks", -1.8f},
    {"ripped", -2.0f}, {"torn", -2.0f}, {"tear", -1.2f}, {"tore", -1.8f}, {"holes", -1.4f},
    {"hole", -1.2f}, {"defective", -2.6f}, {"defect", -2.2f}, {"damaged", -2.3f}, {"faulty", -2.4f},
    {"falling", -0.8f}, {"fell", -0.8f}, {"stained", -1.8f}, {"stain", -1.2f}, {"faded", -1.4f},
    {"shrunk", -1.6f}, {"shrank", -1.6f}, {"peeling", -1.6f}, {"squeaking", -1.6f},
    {"squeaky", -1.6f}, {"squeak", -1.4f}, {"uncomfortable", -2.3f}, {"unwearable", -2.6f},
    {"unusable", -2.6f}, {"itchy", -1.8f}, {"scratchy", -1.6f}, {"stiff", -1.0f}, {"pain", -2.0f},
    {"painful", -2.3f}, {"hurt", -2.0f}, {"hurts", -2.0f}, {"hurting", -2.0f}, {"sore", -1.6f},
    {"blister", -2.0f}, {"blisters", -2.0f}, {"clunky", -1.4f}, {"bulky", -1.0f},
    {"awkward", -1.5f}, {"ugly", -2.5f}, {"hideous", -2.9f}, {"unflattering", -2.0f},
    {"dirty", -2.2f}, {"filthy", -2.8f}, {"gross", -2.5f}, {"disgusting", -3.0f}, {"nasty", -2.6f},
    {"smelly", -2.0f}, {"stinks", -2.4f}, {"stink", -2.2f}, {"smelled", -1.0f}, {"odor", -1.2f},
    {"sticky", -1.2f}, {"greasy", -1.6f}, {"soggy", -2.0f}, {"stale", -2.0f}, {"bland", -1.8f},
    {"tasteless", -2.2f}, {"flavorless", -2.2f}, {"overcooked", -2.0f}, {"undercooked", -2.2f},
    {"burnt", -2.0f}, {"burned", -1.6f}, {"raw", -0.8f}, {"cold", -0.8f}, {"lukewarm", -1.4f},
    {"dry", -1.0f}, {"salty", -1.2f}, {"inedible", -3.0f}, {"sick", -2.2f}, {"poisoning", -3.0f},
    {"cockroach", -3.0f}, {"roach", -3.0f}, {"hair", -0.6f}, {"noisy", -1.4f}, {"loud", -0.9f},
    {"crowded", -0.9f}, {"cramped", -1.4f}, {"chaotic", -1.6f}, {"confusing", -1.4f},
    {"confused", -1.0f}, {"complicated", -1.2f}, {"difficult", -1.4f}, {"hard", -0.6f},
    {"impossible", -1.8f}, {"unreliable", -2.2f}, {"unorganized", -1.8f}, {"disorganized", -1.8f},
    {"inconsistent", -1.5f}, {"misleading", -2.4f}, {"mislabeled", -2.0f}, {"fake", -2.4f},
    {"counterfeit", -2.8f}, {"knockoff", -2.2f}, {"lied", -2.6f}, {"lie", -2.2f}, {"liar", -2.8f},
    {"lying", -2.6f}, {"dishonest", -2.8f}, {"shady", -2.4f}, {"sketchy", -2.0f}, {"sloppy", -2.0f},
    {"lazy", -2.0f}, {"horrendous", -3.1f}, {"unbearable", -2.6f}, {"terrified", -2.0f},
    {"sad", -1.8f}, {"sadly", -1.6f}, {"unfortunately", -1.6f}, {"unfortunate", -1.6f},
    {"regret", -2.2f}, {"regretted", -2.2f}, {"sorry", -1.0f}, {"beware", -2.2f}, {"avoid", -1.8f},
    {"refund", -1.6f}, {"refunded", -1.2f}, {"return", -0.5f}, {"returned", -1.0f},
    {"returning", -1.2f}, {"exchange", -0.6f}, {"exchanged", -0.8f}, {"cancelled", -1.4f},
    {"canceled", -1.4f}, {"cancel", -1.2f}, {"complained", -1.6f}, {"excuse", -1.2f},
    {"excuses", -1.6f}, {"apology", -0.8f}, {"apologized", -0.6f}, {"unfortunatly", -1.6f},
    {"horrid", -2.9f}, {"yuck", -2.4f}, {"ugh", -1.8f}, {"sigh", -1.0f}, {"weird", -1.0f},
    {"strange", -0.8f}, {"odd", -0.6f}, {"overwhelming", -0.8f}, {"underwhelming", -2.0f},
    {"underwhelmed", -2.0f}, {"unimpressed", -2.0f}, {"lacking", -1.5f}, {"lacks", -1.3f},
    {"lack", -1.2f}, {"worn", -0.8f}, {"neglected", -2.0f}, {"bugs", -1.8f}, {"mold", -2.6f},
    {"moldy", -2.8f}, {"expired", -2.2f}, {"spoiled", -2.2f}, {"rotten", -2.8f}, {"crack", -1.4f},
    {"cracked", -1.9f}, {"scratched", -1.8f}, {"dented", -1.8f}, {"loose", -0.8f},
    {"unstable", -1.6f}, {"wobbly", -1.6f}, {"leak", -1.6f}, {"leaks", -1.8f}, {"leaking", -1.8f},
    {"rip", -1.4f}, {"overcharged", -2.4f}, {"charged", -0.6f}, {"arrived", 0.0f, -2.2f},
    {"received", 0.0f, -2.0f}, {"came", 0.0f, -1.2f}, {"responded", 0.0f, -2.0f},
    {"answered", 0.0f, -1.8f}, {"help", 0.6f, -1.8f}, {"last", 0.0f, -1.6f},
    {"lasted", 0.4f, -1.6f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"very", 0.293f}, {"really", 0.293f}, {"so", 0.293f}, {"extremely", 0.293f},
    {"absolutely", 0.293f}, {"totally", 0.293f}, {"completely", 0.293f}, {"incredibly", 0.293f},
    {"super", 0.293f}, {"truly", 0.293f}, {"highly", 0.293f}, {"especially", 0.293f},
    {"exceptionally", 0.293f}, {"remarkably", 0.293f}, {"particularly", 0.293f}, {"most", 0.293f},
    {"utterly", 0.293f}, {"thoroughly", 0.293f}, {"insanely", 0.293f}, {"ridiculously", 0.293f},
    {"seriously", 0.293f}, {"soooo", 0.293f}, {"sooo", 0.293f}, {"too", 0.2f}, {"pretty", 0.15f},
    {"quite", 0.15f}, {"definitely", 0.2f}, {"such", 0.2f}, {"fairly", -0.15f},
    {"slightly", -0.293f}, {"somewhat", -0.293f}, {"barely", -0.293f}, {"kinda", -0.293f},
    {"sorta", -0.293f}, {"little", -0.2f}, {"bit", -0.2f}, {"marginally", -0.293f},
    {"almost", -0.2f}, {"mostly", -0.15f}, {"partly", -0.293f},
};
// clang-format on

constexpr const char *negators[] = {
    "not",       "no",       "never",   "nor",     "neither", "none",     "nothing",
    "nobody",    "nowhere",  "without", "cannot",  "nope",    "hardly",   "isn't",
    "isnt",      "aren't",   "arent",   "wasn't",  "wasnt",   "weren't",  "werent",
    "don't",     "dont",     "doesn't", "doesnt",  "didn't",  "didnt",    "won't",
    "wont",      "wouldn't", "wouldnt", "can't",   "cant",    "couldn't", "couldnt",
    "shouldn't", "shouldnt", "haven't", "havent",  "hasn't",  "hasnt",    "hadn't",
    "hadnt",     "ain't",    "aint",    "mustn't", "needn't", "shan't",   "mightn't",
};

constexpr const char *contrasts[] = {"but", "however"};

constexpr const char *function_words[] = {
    "the",  "and",   "is",   "it",   "this",    "was",  "for",   "with",  "they",   "are",
    "have", "of",    "to",   "in",   "i",       "that", "on",    "be",    "these",  "at",
    "were", "had",   "my",   "you",  "we",      "our",  "their", "them",  "very",   "but",
    "not",  "would", "will", "just", "from",    "an",   "what",  "which", "there",  "if",
    "or",   "as",    "been", "has",  "they're", "it's", "i'm",   "i've",  "don't",  "your",
    "too",  "when",  "so",   "all",  "out",     "get",  "got",   "one",   "really", "than",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // ---- repurchase: buying again, coming back
    {"buy|order|purchase|shop|eat|dine|visit|stay|use|come|go|return|buying|ordering|"
     "purchasing|shopping|eating|dining|visiting|staying|using|coming|going|returning|bought|"
     "ordered|purchased|shopped|visited|rebuy ~3 again",
     S::repurchase, 0.8f},
    {"buy|order|purchase|get|buying|ordering|purchasing|getting|bought|ordered|purchased ~3 "
     "another|more|other|every|several|multiple ~1 pair|pairs|one|ones|color|colors|colour|"
     "colours|style|styles",
     S::repurchase, 0.8f},
    {"buy|order|purchase|buying|ordering|purchasing ~2 more", S::repurchase, 0.6f},
    {"reorder|reordered|reordering|repurchase|repurchased|repurchasing|rebought", S::repurchase,
     0.9f},
    {"second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th pair|order|purchase|set|visit",
     S::repurchase, 0.7f},
    // Customers come back; waiters "will be back with your drinks".
    {"i|we|i'll|we'll|i'd|we'd|i'm|we're ~3 be|come|coming ~1 back [again|soon|here|there]",
     S::repurchase, 0.8f},
    {"will|definitely|certainly|surely|absolutely ~1 be|come|coming back [again|soon]",
     S::repurchase, 0.7f},
    {"go|going back again|soon|there|here|for", S::repurchase, 0.7f},
    {"my|our ~1 second|third|fourth|fifth|2nd|3rd|4th|5th ~1 time|visit", S::repurchase, 0.7f},
    {"keep|kept|keeps ~1 coming|going ~1 back", S::repurchase, 0.9f},
    {"will|i'll|we'll|would|i'd|we'd|definitely|certainly|surely|gonna ~2 return [soon|again]",
     S::repurchase, 0.6f},
    // With an object, "return" gives a product back: "I will return it", not "I will return".
    {"will|i'll|we'll|would|i'd|we'd|definitely|certainly|surely|gonna ~2 return "
     "it|them|these|this|those|both|the|my|everything",
     S::repurchase, -0.6f, N::drop},
    {"customer|customers for life", S::repurchase, 0.9f},
    {"loyal|repeat|regular ~1 customer|customers", S::repurchase, 0.8f},
    {"my|our|new|the|a go to", S::repurchase, 0.8f}, // "go-to": ICU splits at the hyphen
    {"my|our|new|the|a goto", S::repurchase, 0.8f},
    {"never again", S::repurchase, -1.0f, N::keep},
    {"never ~2 buy|order|purchase|shop|eat|dine|visit|use|go|come|buying|ordering|purchasing|"
     "shopping|eating|going|coming|step|set ~3 here|there|again|from|this|that|these|anything|"
     "back|foot",
     S::repurchase, -1.0f, N::keep},
    {"won't|wont|wouldn't|wouldnt|never|not ~2 be|come|coming|go|going ~1 back", S::repurchase,
     -1.0f, N::keep},
    {"returned|returning|return ~2 them|it|these|this|those|both|the|for|my", S::repurchase, -0.6f,
     N::drop},
    {"return|returns policy|label|window|process|shipping", S::repurchase, 0.0f},
    {"sent|send|sending|ship|shipped|shipping ~2 back", S::repurchase, -0.6f, N::drop},
    {"refund|refunds|refunded", S::repurchase, -0.6f, N::keep},
    {"money back", S::repurchase, -0.6f, N::keep},
    {"cancel|cancelled|canceled|canceling|cancelling ~2 order|orders|subscription|membership|"
     "reservation|account",
     S::repurchase, -0.7f, N::keep},
    {"switching|switched|switch|moving|moved ~2 to", S::repurchase, -0.4f, N::drop},
    {"go|going|went|take|taking|look|looking|shop|shopping|spend|spending|eat|eating ~3 "
     "elsewhere",
     S::repurchase, -0.9f, N::drop},
    {"my|our ~1 last ~1 purchase|order|visit", S::repurchase, -0.3f, N::drop},
    {"first and last", S::repurchase, -1.0f, N::keep},
    {"lost ~2 customer|customers|business", S::repurchase, -1.0f, N::keep},

    // ---- referral: recommending, warning others off
    {"recommend|recommended|recommends|recommending", S::referral, 0.7f},
    {"highly|definitely|totally|absolutely|strongly|heartily|wholeheartedly|truly|really|"
     "gladly|happily ~1 recommend|recommended|recommending",
     S::referral, 1.0f},
    {"recommend|recommended|recommending ~4 to ~2 anyone|everyone|everybody|friends|family|"
     "others|people|all",
     S::referral, 1.0f},
    {"do|would|will|could|can|did ~1 not|never ~1 recommend|recommended|recommending", S::referral,
     -1.0f, N::keep},
    {"would|will|i'd|i'll|we'd|we'll|definitely|do ~1 recommend", S::referral, 0.9f},
    {"recommended|recommend ~1 size|sizing|by", S::referral, 0.0f},
    {"don't|dont|wouldn't|wouldnt|can't|cant|cannot|couldn't|couldnt|won't|wont|didn't|didnt|"
     "never|not ~1 recommend|recommended|recommending",
     S::referral, -1.0f, N::keep},
    {"can't|cant|cannot|couldn't|couldnt ~3 recommend|recommending|say ~4 enough|more|highly",
     S::referral, 1.0f, N::keep},
    {"hesitate|hesitation ~3 recommend|recommending", S::referral, -0.6f},
    {"told|telling|tell|tells ~2 my|all|our ~1 friends|family|coworkers|colleagues", S::referral,
     0.8f},
    {"told|telling|tell|tells everyone|everybody", S::referral, 0.8f},
    {"bought|buy|buying|ordered|got|getting|get ~3 for ~1 my ~1 friend|friends|sister|brother|"
     "mom|mother|dad|father|daughter|son|husband|wife|family|mum",
     S::referral, 0.5f, N::drop},
    {"must try|visit|buy|go", S::referral, 0.7f},
    {"can't|cant|cannot|won't|wont|never ~1 go ~1 wrong", S::referral, 0.6f, N::keep},
    {"a must", S::referral, 0.6f},
    {"stay|run|steer ~1 away|clear", S::referral, -1.0f, N::drop},
    {"avoid ~2 this|these|them|it|place|store|shop|seller|company|restaurant|brand|product|at",
     S::referral, -0.9f, N::drop},
    {"don't|dont buy|order|purchase|go|bother|waste", S::referral, -0.8f, N::keep},
    {"do ~1 not|never buy|order|purchase|go|bother|waste", S::referral, -0.8f, N::keep},
    {"buyer|buyers ~1 beware", S::referral, -0.9f, N::keep},
    {"beware", S::referral, -0.6f, N::drop},

    // ---- sentiment idioms the word valences miss
    {"too big|small|large|tight|narrow|wide|long|short|loose|snug|heavy|stiff|thin|expensive|"
     "pricey|salty|sweet|greasy|bland|dry|slow|loud",
     S::sentiment, -1.6f},
    {"runs|run|ran|running ~1 small|large|big|narrow|wide|short|long", S::sentiment, -0.8f},
    {"not|didn't|didnt|doesn't|doesnt ~1 fit", S::sentiment, -1.9f},
    {"fits|fit|fitting ~1 perfectly|great|well|perfect|nicely|good|true", S::sentiment, 2.2f},
    {"waste ~1 of ~1 money|time", S::sentiment, -3.0f, N::keep},
    {"rip|ripped ~1 off", S::sentiment, -2.8f, N::keep},
    {"fell|falling|fall|came|coming ~1 apart", S::sentiment, -2.6f},
    {"piece ~1 of ~1 junk|crap|garbage|trash|shit", S::sentiment, -3.0f, N::keep},
    {"no ~1 problem|problems|issue|issues|complaints|complaint", S::sentiment, 1.5f, N::keep},
    {"as ~1 described|advertised|pictured|expected", S::sentiment, 1.2f, N::flip},
    {"exactly ~1 what|as", S::sentiment, 1.2f},
    {"well ~1 made|built|done|worth|priced|designed|constructed", S::sentiment, 2.0f},
    {"poorly ~1 made|built|done|designed|constructed", S::sentiment, -2.4f},
    {"cheaply ~1 made|built", S::sentiment, -2.4f},
    {"feels|felt|feel|looks|looked|look ~1 cheap", S::sentiment, -2.0f},
    {"high ~1 quality", S::sentiment, 2.0f},
    {"low|poor ~1 quality", S::sentiment, -2.2f},
    {"good|great|excellent ~1 quality|value|price|deal|service", S::sentiment, 2.4f},
    {"wasn't|wasnt|isn't|isnt|not ~1 bad", S::sentiment, 1.2f, N::keep},
    {"not ~1 too ~1 bad", S::sentiment, 1.2f, N::keep},
    {"could|should ~1 have ~1 been ~1 better", S::sentiment, -1.4f, N::keep},
    {"look|looking ~1 forward", S::sentiment, 1.6f},
    {"wanted|wanting|want ~1 to ~1 love|like", S::sentiment, -1.2f, N::keep},
    {"hoped|hoping|expected|expecting|thought ~3 better|more", S::sentiment, -1.6f, N::keep},
    {"left ~1 a ~1 lot ~1 to ~1 be ~1 desired", S::sentiment, -2.2f, N::keep},
    {"never|not ~1 disappoints|disappoint|disappointed", S::sentiment, 2.2f, N::keep},
    {"hands ~1 down", S::sentiment, 1.8f},
    {"top ~1 notch", S::sentiment, 2.6f},
    {"on ~1 point", S::sentiment, 2.2f},
    {"blown ~1 away", S::sentiment, 2.6f},
    {"out ~1 of ~1 stock", S::sentiment, -0.6f},
    {"took|takes|take ~1 forever", S::sentiment, -2.0f},
    {"zero|0 ~1 stars|star", S::sentiment, -2.4f, N::keep},
    {"give|giving ~2 zero|0", S::sentiment, -2.4f, N::keep},
    {"no ~1 one|body", S::sentiment, -0.8f, N::keep},
    {"kind|sort ~1 of", S::sentiment, 0.0f},
    {"looks|look|looked|looking|feels|feel|felt|seems|seem|seemed|sounds|sound|something|"
     "anything|nothing|more|less|just ~1 like",
     S::sentiment, 0.0f},
    {"can't|cant|cannot|won't|wont|never ~1 go ~1 wrong", S::sentiment, 2.0f, N::keep},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break,
     "and because cause so since although though while whereas which who when or then plus"},
    {cue::scope_link, "to me us you him her them it myself ourselves ever even really actually "
                      "just honestly personally"},
    {cue::eager_verb, "wait stop fail resist"},
    {cue::certainty, "sure certain convinced"},
    {cue::doubt, "doubt doubts doubtful hesitate hesitant unlikely"},
    {cue::hedge, "might may maybe perhaps possibly probably could hopefully hope hoping"},
    {cue::former, "used formerly"},
    {cue::condition, "if unless provided assuming"},
    {cue::concessive, "even"},
    {cue::addressee, "you one"},
    {cue::other_person,
     "he she they he's she's they've server servers waiter waitress waitstaff staff "
     "bartender "
     "manager chef owner host hostess friend friends someone somebody reviewers reviews guide "
     "salesman saleswoman associate clerk employee doctor podiatrist stylist who"},
    {cue::agent, "by"},
    {cue::passive, "was were been"},
    {cue::advice,
     "before after until instead ahead advance first size sizing sized half bigger smaller larger "
     "test trial reservation reservations booking measure measuring washing checking reading"},
    {cue::return_word, "return returned returning returns"},
    {cue::travel, "flight flights trip journey ticket tickets fare leg via outbound inbound "
                  "airport airline train bus ferry transfer shuttle route home"},
};

} // namespace

const language_data english{"en",      valences,       boosters, negators, {},
                            contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
