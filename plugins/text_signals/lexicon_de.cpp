// German lexicons and phrase rules, written for shop, delivery and restaurant reviews. Words
// are written with umlauts and ß; "fuer", "schoen" (but not "schon", already) and "gross"
// match too. "nicht" also negates the end of a clause before it: "gefällt mir nicht".
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"gut", 1.9f}, {"gute", 1.9f}, {"guter", 1.9f}, {"gutes", 1.9f}, {"guten", 1.9f},
    {"super", 2.6f}, {"toll", 2.8f}, {"tolle", 2.8f}, {"toller", 2.8f}, {"tolles", 2.8f},
    {"prima", 2.4f}, {"klasse", 2.6f}, {"spitze", 2.8f}, {"top", 2.4f}, {"perfekt", 3.0f},
    {"perfekte", 3.0f}, {"ausgezeichnet", 3.0f}, {"hervorragend", 3.0f}, {"hervorragende", 3.0f},
    {"exzellent", 3.0f}, {"wunderbar", 2.9f}, {"wunderschön", 3.0f}, {"fantastisch", 3.0f},
    {"genial", 2.8f}, {"großartig", 3.0f}, {"großartige", 3.0f}, {"schön", 2.2f}, {"schöne", 2.2f},
    {"schönes", 2.2f}, {"hübsch", 2.0f}, {"beste", 3.0f}, {"besten", 3.0f}, {"bester", 3.0f},
    {"besser", 1.3f}, {"empfehlenswert", 2.4f}, {"empfehle", 2.0f}, {"zufrieden", 2.2f},
    {"glücklich", 2.6f}, {"begeistert", 2.9f}, {"liebe", 2.8f}, {"lieben", 2.8f}, {"gefällt", 2.0f},
    {"gefallen", 1.8f}, {"schnell", 1.6f}, {"schnelle", 1.6f}, {"schneller", 1.4f},
    {"pünktlich", 1.8f}, {"zuverlässig", 2.2f}, {"freundlich", 2.2f}, {"freundliche", 2.2f},
    {"nett", 1.8f}, {"hilfsbereit", 2.2f}, {"kompetent", 2.0f}, {"bequem", 2.2f}, {"weich", 1.3f},
    {"einfach", 0.8f}, {"praktisch", 1.6f}, {"hochwertig", 2.2f}, {"hochwertige", 2.2f},
    {"qualität", 1.2f}, {"stabil", 1.6f}, {"lecker", 2.8f}, {"köstlich", 3.0f}, {"sauber", 1.6f},
    {"günstig", 1.2f}, {"preiswert", 1.6f}, {"danke", 1.6f}, {"dankbar", 1.8f},
    {"funktioniert", 1.2f, -2.4f}, {"passt", 1.0f, -1.9f}, {"angekommen", 0.4f, -2.4f},
    {"geliefert", 0.4f, -2.2f}, {"erhalten", 0.0f, -2.4f}, {"bekommen", 0.0f, -2.2f},
    {"geantwortet", 0.0f, -2.2f}, {"lohnt", 1.4f, -2.0f}, {"wert", 1.2f, -2.0f},
    // Complaints
    {"schlecht", -2.5f}, {"schlechte", -2.5f}, {"schlechter", -2.5f}, {"schlechtes", -2.5f},
    {"schlechteste", -3.2f}, {"mies", -2.6f}, {"miserabel", -3.0f}, {"furchtbar", -3.0f},
    {"schrecklich", -3.0f}, {"katastrophe", -3.0f}, {"katastrophal", -3.0f}, {"enttäuscht", -2.6f},
    {"enttäuschend", -2.6f}, {"enttäuschung", -2.6f}, {"unzufrieden", -2.6f}, {"ärgerlich", -2.2f},
    {"verärgert", -2.4f}, {"frech", -2.2f}, {"unfreundlich", -2.6f}, {"unhöflich", -2.6f},
    {"inkompetent", -2.8f}, {"betrug", -3.0f}, {"abzocke", -3.0f}, {"müll", -3.0f},
    {"schrott", -3.0f}, {"mangelhaft", -2.6f}, {"defekt", -2.6f}, {"kaputt", -2.6f},
    {"beschädigt", -2.4f}, {"falsch", -2.2f}, {"falsche", -2.2f}, {"fehlt", -2.0f},
    {"fehlte", -2.0f}, {"fehler", -2.0f}, {"problem", -1.4f}, {"probleme", -1.4f},
    {"langsam", -1.6f}, {"verspätet", -2.0f}, {"verspätung", -2.0f}, {"spät", -1.2f},
    {"teuer", -1.0f}, {"überteuert", -2.2f}, {"billig", -0.6f}, {"unbequem", -2.2f},
    {"hässlich", -2.5f}, {"dreckig", -2.4f}, {"schmutzig", -2.2f}, {"ekelhaft", -3.0f},
    {"leider", -1.8f}, {"schade", -1.8f}, {"ärger", -2.0f}, {"reklamation", -2.0f},
    {"beschwerde", -1.8f}, {"zurückgeschickt", -2.0f}, {"rücksendung", -1.8f},
    {"erstattung", -1.6f}, {"storniert", -2.0f}, {"nutzlos", -2.6f}, {"überflüssig", -1.8f},
    {"mittelmäßig", -1.6f}, {"naja", -1.0f},
    // Everyday words of reviews of products, services and games (1.1.0).
    {"spaß", 2.3f}, {"langweilig", -2.0f}, {"geil", 2.4f}, {"bestens", 2.8f}, {"ordnung", 1.4f}, {"unzuverlässig", -2.2f}, {"kompetente", 2.0f}, {"unfreundliche", -2.4f}, {"nette", 1.8f}, {"angenehm", 2.0f}, {"froh", 2.2f}, {"frechheit", -2.8f}, {"unverschämt", -2.8f}, {"abgelehnt", -2.2f}, {"ablehnung", -2.0f}, {"ignoriert", -2.2f}, {"unseriös", -2.6f}, {"unkompliziert", 2.0f}, {"reibungslos", 2.2f}, {"kulant", 2.2f}, {"unkomplizierte", 2.0f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"sehr", 0.293f}, {"echt", 0.293f}, {"wirklich", 0.293f}, {"total", 0.293f},
    {"absolut", 0.293f}, {"extrem", 0.293f}, {"besonders", 0.293f}, {"äußerst", 0.293f},
    {"unglaublich", 0.293f}, {"so", 0.2f}, {"ziemlich", 0.15f}, {"ganz", 0.15f}, {"etwas", -0.293f},
    {"bisschen", -0.293f}, {"kaum", -0.293f}, {"eher", -0.2f},
};
// clang-format on

constexpr const char *negators[] = {"nicht",  "nie",    "niemals", "kein", "keine", "keinen",
                                    "keinem", "keiner", "nichts",  "ohne", "weder"};

constexpr const char *post_negators[] = {"nicht", "nie", "niemals"};

constexpr const char *contrasts[] = {"aber", "jedoch", "allerdings"};

constexpr const char *function_words[] = {
    "der",   "die",   "das",   "und",     "ist",       "nicht",    "ich",  "es",    "ein",
    "eine",  "mit",   "für",   "sehr",    "auf",       "zu",       "den",  "dem",   "war",
    "sie",   "wir",   "aber",  "auch",    "habe",      "hat",      "sind", "wurde", "noch",
    "schon", "nur",   "mir",   "mich",    "wie",       "bei",      "von",  "nach",  "wieder",
    "kann",  "würde", "einen", "produkt", "lieferung", "bestellt",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // ---- repurchase
    {"wieder|erneut|nochmal|nochmals ~2 kaufen|bestellen|kommen|gekauft|bestellt|buchen",
     S::repurchase, 0.8f},
    {"jederzeit|gerne|gern|immer ~2 wieder [kaufen|bestellen|kommen|gekauft|bestellt|buchen]",
     S::repurchase, 0.9f},
    {"nachbestellt|nachbestellen|nachgekauft|nachkaufen", S::repurchase, 0.9f},
    {"stammkunde|stammkundin|stammkunden", S::repurchase, 0.9f},
    {"zweite|dritte|zweiten|dritten ~1 bestellung|kauf|paar|mal", S::repurchase, 0.6f},
    {"nie|niemals ~1 wieder", S::repurchase, -1.0f, N::keep},
    {"nicht ~1 mehr ~2 kaufen|bestellen|kommen", S::repurchase, -1.0f, N::keep},
    {"zurückgeschickt|zurückschicken|zurückgesendet|zurücksenden|retourniert|retoure|"
     "rücksendung",
     S::repurchase, -0.6f, N::drop},
    {"geld ~1 zurück", S::repurchase, -0.7f, N::keep},
    {"erstattung|erstattet|rückerstattung", S::repurchase, -0.6f, N::keep},
    {"storniert|stornieren|storniere|stornierung", S::repurchase, -0.7f, N::keep},

    // ---- referral
    {"empfehle|empfehlen|empfehlenswert|empfohlen|weiterempfehlen|weiterempfohlen|empfehlung",
     S::referral, 0.8f},
    {"empfehle ~3 weiter", S::referral, 0.9f},
    {"absolut|sehr|klar|uneingeschränkt|unbedingt|gerne|nur ~2 empfehlen|empfehlenswert|"
     "weiterempfehlen|empfehle|weiter",
     S::referral, 1.0f},
    {"kaufempfehlung", S::referral, 1.0f},
    {"nicht|keine|keinesfalls|keineswegs ~3 empfehlen|empfehlenswert|weiterempfehlen|empfehle|"
     "empfehlung",
     S::referral, -1.0f, N::keep},
    {"finger ~1 weg", S::referral, -1.0f, N::keep},
    {"hände ~1 weg", S::referral, -1.0f, N::keep},
    {"nicht ~1 kaufen", S::referral, -0.8f, N::keep},
    {"warnen|warne|warnung", S::referral, -0.8f, N::keep},
    {"abzuraten|abraten", S::referral, -1.0f, N::keep},

    // ---- sentiment idioms
    {"wie ~1 beschrieben|abgebildet|erwartet", S::sentiment, 1.6f},
    {"vor ~1 dem ~1 termin", S::sentiment, 2.0f},
    {"alles ~1 bestens|gut|super|ok|perfekt|top", S::sentiment, 2.4f},
    {"preis ~1 leistung|leistungsverhältnis", S::sentiment, 1.6f},
    {"immer ~1 noch ~1 nicht", S::sentiment, -2.0f, N::keep},
    {"noch ~1 nicht ~2 angekommen|geliefert|erhalten|bekommen", S::sentiment, -2.6f, N::keep},
    {"geld ~1 verschwendet|verschwendung|zurück", S::sentiment, -2.4f, N::keep},
    {"zu ~1 klein|groß|eng|weit|kurz|lang|teuer", S::sentiment, -1.6f},
    {"nicht ~1 schlecht", S::sentiment, 1.2f, N::keep},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break, "und weil denn als obwohl oder"},
    {cue::scope_link, "zu mich uns es mir dort hier da mehr je"},
    {cue::eager_verb, "erwarten"},
    {cue::certainty, "sicher"},
    {cue::doubt, "bezweifle zweifel zweifle zögern zögere unwahrscheinlich kaum"},
    {cue::hedge, "vielleicht eventuell evtl möglicherweise wahrscheinlich könnte hoffentlich"},
    {cue::former, "früher ehemals ehemaliger ehemalige"},
    {cue::condition, "wenn falls sofern"},
    {cue::concessive, "selbst auch"},
    {cue::addressee, "du ihr man"},
    {cue::other_person, "er kellner kellnerin verkäufer verkäuferin freund freundin bekannte "
                        "jemand berater beraterin mir uns"},
    {cue::agent, "von"},
    {cue::passive, "wurde"},
    {cue::advice, "vorher größe nummer größer kleiner erst zuerst test"},
};

} // namespace

const language_data german{"de",      valences,       boosters, negators, post_negators,
                           contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
