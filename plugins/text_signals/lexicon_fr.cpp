// French lexicons and phrase rules, written for shop, delivery and restaurant reviews. Words
// are written with their accents; "tres", "decu", "rachèterai" without accents match too.
// Elided words ("n'aime", "j'adore") are split by the reader: "n'" negates its word.
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"bon", 1.9f}, {"bonne", 1.9f}, {"bons", 1.9f}, {"bonnes", 1.9f}, {"bien", 1.6f},
    {"excellent", 3.0f}, {"excellente", 3.0f}, {"excellents", 3.0f}, {"parfait", 3.0f},
    {"parfaite", 3.0f}, {"parfaits", 3.0f}, {"parfaitement", 2.6f}, {"génial", 2.8f},
    {"géniale", 2.8f}, {"super", 2.6f}, {"top", 2.4f}, {"formidable", 2.9f}, {"magnifique", 3.0f},
    {"merveilleux", 3.0f}, {"merveilleuse", 3.0f}, {"fantastique", 3.0f}, {"incroyable", 2.8f},
    {"superbe", 3.0f}, {"impeccable", 2.8f}, {"beau", 2.2f}, {"belle", 2.2f}, {"beaux", 2.2f},
    {"joli", 2.0f}, {"jolie", 2.0f}, {"meilleur", 2.4f}, {"meilleure", 2.4f}, {"adore", 3.0f},
    {"adoré", 3.0f}, {"aime", 2.0f}, {"aimé", 2.0f}, {"plaît", 2.0f}, {"plait", 2.0f},
    {"ravi", 2.8f}, {"ravie", 2.8f}, {"content", 2.2f}, {"contente", 2.2f}, {"satisfait", 2.2f},
    {"satisfaite", 2.2f}, {"heureux", 2.6f}, {"heureuse", 2.6f}, {"recommande", 2.0f},
    {"recommandé", 1.8f}, {"fiable", 2.0f}, {"rapide", 1.9f}, {"rapides", 1.9f},
    {"rapidement", 1.6f}, {"rapidité", 2.0f}, {"efficace", 2.2f}, {"efficaces", 2.2f},
    {"aimable", 2.2f}, {"sympa", 2.0f}, {"sympathique", 2.0f}, {"agréable", 2.2f},
    {"chaleureux", 2.2f}, {"accueillant", 2.2f}, {"professionnel", 1.9f}, {"confortable", 2.2f},
    {"pratique", 1.6f}, {"qualité", 1.4f}, {"solide", 1.6f}, {"doux", 1.3f}, {"délicieux", 3.0f},
    {"délicieuse", 3.0f}, {"savoureux", 2.6f}, {"propre", 1.5f}, {"merci", 1.6f},
    {"conforme", 1.4f, -2.0f}, {"fonctionne", 1.2f, -2.4f}, {"marche", 0.8f, -2.2f},
    {"reçu", 0.0f, -2.6f}, {"reçue", 0.0f, -2.6f}, {"arrivé", 0.4f, -2.4f},
    {"arrivée", 0.2f, -2.0f}, {"livré", 0.4f, -2.4f}, {"livrée", 0.4f, -2.4f},
    {"réponse", 0.0f, -2.2f}, {"vaut", 1.4f, -2.0f},
    // Complaints
    {"mauvais", -2.5f}, {"mauvaise", -2.5f}, {"mal", -1.8f}, {"nul", -2.8f}, {"nulle", -2.8f},
    {"horrible", -3.0f}, {"affreux", -3.0f}, {"terrible", -2.8f}, {"catastrophique", -3.0f},
    {"catastrophe", -3.0f}, {"lamentable", -2.8f}, {"pire", -2.8f}, {"déçu", -2.6f},
    {"déçue", -2.6f}, {"décevant", -2.6f}, {"décevante", -2.6f}, {"déception", -2.6f},
    {"mécontent", -2.6f}, {"mécontente", -2.6f}, {"insatisfait", -2.6f}, {"énervé", -2.2f},
    {"honteux", -2.6f}, {"honte", -2.4f}, {"arnaque", -3.0f}, {"escroquerie", -3.0f},
    {"escroc", -3.0f}, {"escrocs", -3.0f}, {"médiocre", -2.0f}, {"défectueux", -2.6f},
    {"défectueuse", -2.6f}, {"défaut", -2.2f}, {"cassé", -2.5f}, {"cassée", -2.5f},
    {"abîmé", -2.4f}, {"abîmée", -2.4f}, {"endommagé", -2.4f}, {"erreur", -2.0f},
    {"manquant", -2.2f}, {"manque", -1.6f}, {"retard", -2.2f}, {"lent", -1.6f}, {"lente", -1.6f},
    {"lenteur", -1.8f}, {"attente", -1.2f}, {"problème", -1.4f}, {"problèmes", -1.4f},
    {"réclamation", -2.0f}, {"remboursement", -2.0f}, {"annulée", -2.0f}, {"annulé", -2.0f},
    {"cher", -1.0f}, {"chère", -0.8f}, {"inconfortable", -2.2f}, {"moche", -2.4f}, {"sale", -2.2f},
    {"dégoûtant", -3.0f}, {"impoli", -2.6f}, {"désagréable", -2.4f}, {"malheureusement", -2.0f},
    {"dommage", -1.8f}, {"inutile", -2.6f}, {"bof", -1.4f}, {"fuir", -2.4f}, {"fuyez", -2.8f},
    // Everyday words of reviews of products, services and games (1.1.0).
    {"inadmissible", -2.8f}, {"inacceptable", -2.8f}, {"déteste", -2.8f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"très", 0.293f}, {"vraiment", 0.293f}, {"trop", 0.2f}, {"tellement", 0.293f},
    {"totalement", 0.293f}, {"complètement", 0.293f}, {"absolument", 0.293f},
    {"extrêmement", 0.293f}, {"hyper", 0.293f}, {"si", 0.2f}, {"assez", 0.1f},
    {"particulièrement", 0.293f}, {"peu", -0.293f}, {"plutôt", -0.1f}, {"légèrement", -0.293f},
    {"presque", -0.2f},
};
// clang-format on

constexpr const char *negators[] = {"ne",   "pas",  "jamais", "aucun",   "aucune",
                                    "rien", "sans", "ni",     "personne"};

constexpr const char *post_negators[] = {"pas", "jamais", "rien"};

constexpr const char *contrasts[] = {"mais", "cependant", "pourtant", "toutefois"};

constexpr const char *function_words[] = {
    "le",  "la",  "les",   "de",   "des", "du",    "et",      "est",      "que",       "pas",
    "un",  "une", "avec",  "pour", "par", "en",    "très",    "mon",      "ma",        "je",
    "il",  "ce",  "c'est", "mais", "ne",  "n'est", "j'ai",    "sur",      "au",        "aux",
    "été", "qui", "vous",  "nous", "mes", "cette", "produit", "commande", "livraison", "reçu",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // ---- repurchase
    {"rachèterai|rachèterais|racheter|rachète|racheté|rachetée", S::repurchase, 0.8f},
    {"achèterai|achèterais|acheter|commanderai|commanderais|commander|reviendrai|reviendrais|"
     "reviendrons|revenir ~3 nouveau|encore",
     S::repurchase, 0.8f},
    {"reviendrai|reviendrons|reviendrais", S::repurchase, 0.8f},
    {"client|cliente|clients ~1 fidèle|fidèles", S::repurchase, 0.8f},
    {"deuxième|troisième|seconde ~1 commande|fois|achat", S::repurchase, 0.6f},
    {"plus ~1 jamais", S::repurchase, -1.0f, N::keep},
    {"jamais ~1 plus", S::repurchase, -1.0f, N::keep},
    {"dernière ~1 commande|fois", S::repurchase, -0.5f, N::drop},
    {"remboursement|remboursé|rembourser|retourné|retourner|renvoyé|renvoyer", S::repurchase, -0.6f,
     N::keep},
    {"annulé|annulée|annuler ~2 commande", S::repurchase, -0.7f, N::keep},

    // ---- referral; "recommande" is also "order again" (recommander), but reviews mean the
    // former far more often.
    {"recommande|recommandé|recommandée|recommandable|conseille|recommander|conseiller",
     S::referral, 0.8f},
    {"je ~2 recommande|conseille", S::referral, 0.9f},
    {"vivement|fortement|chaudement|absolument|vraiment ~1 recommandé|recommande|conseillé|"
     "conseille",
     S::referral, 1.0f},
    {"à ~1 recommander|conseiller", S::referral, 0.9f},
    {"recommande|conseille ~3 tous|toutes|amis|famille", S::referral, 1.0f},
    {"ne ~3 recommande|recommanderai|recommanderais|conseille|conseillerai", S::referral, -1.0f,
     N::keep},
    {"déconseille|déconseillé|déconseillée|déconseiller", S::referral, -1.0f, N::keep},
    {"à ~1 éviter|fuir", S::referral, -1.0f, N::keep},
    {"fuyez|évitez", S::referral, -1.0f, N::keep},

    // ---- sentiment idioms
    {"dans ~1 les ~1 délais|temps", S::sentiment, 1.6f},
    {"avant ~1 la ~1 date", S::sentiment, 2.0f},
    {"en ~1 avance", S::sentiment, 2.0f},
    {"toujours ~1 pas ~1 reçu|reçue|arrivé|livré", S::sentiment, -2.6f, N::keep},
    {"tout ~1 est ~1 parfait|bien|ok|nickel", S::sentiment, 2.4f},
    {"nickel", S::sentiment, 2.6f},
    {"rapport ~1 qualité ~1 prix", S::sentiment, 1.6f},
    {"pas ~1 mal", S::sentiment, 1.2f, N::keep},
    {"perte ~1 de ~1 temps|argent", S::sentiment, -2.8f, N::keep},
    {"trop ~1 petit|petite|grand|grande|cher|chère|serré|serrée", S::sentiment, -1.6f},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break, "et parce car quand lorsque alors ou puisque"},
    {cue::scope_link, "de à me nous y en le la les"},
    {cue::eager_verb, "manquerai manquerais attendre"},
    {cue::certainty, "sûr sûre certain certaine"},
    {cue::doubt, "doute douteux hésite hésiterai hésiterais hésitez hésiter improbable"},
    {cue::hedge, "éventuellement probablement possiblement pourrait pourrais espère"},
    {cue::former, "autrefois auparavant ancien ancienne"},
    {cue::condition, "si sauf"},
    {cue::concessive, "même"},
    {cue::addressee, "vous tu on"},
    {cue::other_person,
     "il elle ils elles serveur serveuse vendeur vendeuse ami amie amis quelqu'un m'a m'ont"},
    {cue::agent, "par"},
    {cue::passive, "été"},
    {cue::advice, "avant taille pointure essai"},
    {cue::return_word, "retour retourné retournée retourner"},
    {cue::travel, "vol vols voyage trajet billet billets aller avion train aéroport escale"},
};

} // namespace

const language_data french{"fr",      valences,       boosters, negators, post_negators,
                           contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
