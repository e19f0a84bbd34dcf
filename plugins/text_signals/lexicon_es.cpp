// Spanish lexicons and phrase rules, written for shop, delivery and restaurant reviews. Words
// are written with their accents; "excelente", "rapido", "volvere" match too.
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"bueno", 1.9f}, {"buena", 1.9f}, {"buenos", 1.9f}, {"buenas", 1.9f}, {"buen", 1.9f},
    {"bien", 1.6f}, {"excelente", 3.0f}, {"excelentes", 3.0f}, {"genial", 2.8f}, {"geniales", 2.8f},
    {"estupendo", 2.8f}, {"estupenda", 2.8f}, {"fantástico", 3.0f}, {"fantástica", 3.0f},
    {"maravilloso", 3.0f}, {"maravillosa", 3.0f}, {"increíble", 2.9f}, {"espectacular", 3.0f},
    {"magnífico", 3.0f}, {"magnífica", 3.0f}, {"perfecto", 3.0f}, {"perfecta", 3.0f},
    {"perfectos", 3.0f}, {"perfectas", 3.0f}, {"perfectamente", 2.6f}, {"impecable", 2.8f},
    {"mejor", 2.2f}, {"mejores", 2.2f}, {"lindo", 2.4f}, {"linda", 2.4f}, {"bonito", 2.2f},
    {"bonita", 2.2f}, {"precioso", 2.8f}, {"preciosa", 2.8f}, {"hermoso", 2.8f}, {"hermosa", 2.8f},
    {"bello", 2.4f}, {"bella", 2.4f}, {"encanta", 3.0f}, {"encantó", 3.0f}, {"encantan", 3.0f},
    {"encantado", 2.8f}, {"encantada", 2.8f}, {"gusta", 1.8f}, {"gustó", 2.0f}, {"gustan", 1.8f},
    {"gustaron", 2.0f}, {"amo", 3.0f}, {"feliz", 2.6f}, {"contento", 2.3f}, {"contenta", 2.3f},
    {"satisfecho", 2.2f}, {"satisfecha", 2.2f}, {"satisfechos", 2.2f}, {"recomendable", 2.0f},
    {"recomiendo", 2.0f}, {"recomendado", 1.8f}, {"fiable", 2.0f}, {"confiable", 2.0f},
    {"rápido", 1.9f}, {"rápida", 1.9f}, {"rápidos", 1.9f}, {"rapidez", 2.0f}, {"rápidamente", 1.6f},
    {"puntual", 1.8f}, {"eficiente", 2.2f}, {"eficaz", 2.0f}, {"amable", 2.2f}, {"amables", 2.2f},
    {"atento", 2.0f}, {"atenta", 2.0f}, {"atentos", 2.0f}, {"simpático", 2.0f}, {"simpática", 2.0f},
    {"profesional", 1.9f}, {"profesionales", 1.9f}, {"cómodo", 2.2f}, {"cómoda", 2.2f},
    {"cómodos", 2.2f}, {"cómodas", 2.2f}, {"fácil", 1.5f}, {"práctico", 1.6f}, {"práctica", 1.6f},
    {"útil", 1.6f}, {"calidad", 1.4f}, {"resistente", 1.6f}, {"suave", 1.3f}, {"delicioso", 3.0f},
    {"deliciosa", 3.0f}, {"deliciosos", 3.0f}, {"rico", 2.2f}, {"rica", 2.2f}, {"sabroso", 2.4f},
    {"sabrosa", 2.4f}, {"fresco", 1.4f}, {"limpio", 1.5f}, {"limpia", 1.5f}, {"barato", 0.8f},
    {"económico", 1.0f}, {"gracias", 1.6f}, {"agradecido", 1.8f}, {"agradecida", 1.8f},
    {"correcto", 1.4f}, {"correcta", 1.4f}, {"ok", 1.0f}, {"vale", 0.8f, -1.8f},
    {"merece", 1.4f, -2.0f}, {"funciona", 1.2f, -2.4f}, {"funcionó", 1.2f, -2.4f},
    {"funcionan", 1.2f, -2.4f}, {"llegó", 0.4f, -2.4f}, {"llegaron", 0.4f, -2.4f},
    {"recibí", 0.0f, -2.6f}, {"recibido", 0.0f, -2.2f}, {"entregado", 0.4f, -2.2f},
    {"respuesta", 0.0f, -2.2f}, {"respondieron", 0.4f, -2.2f}, {"solucionaron", 1.0f, -2.2f},
    // Complaints
    {"malo", -2.5f}, {"mala", -2.5f}, {"malos", -2.5f}, {"malas", -2.5f}, {"mal", -2.0f},
    {"pésimo", -3.2f}, {"pésima", -3.2f}, {"pésimos", -3.2f}, {"horrible", -3.0f},
    {"horribles", -3.0f}, {"terrible", -3.0f}, {"fatal", -2.8f}, {"desastre", -2.8f},
    {"lamentable", -2.8f}, {"peor", -2.8f}, {"decepción", -2.6f}, {"decepcionado", -2.6f},
    {"decepcionada", -2.6f}, {"decepcionante", -2.6f}, {"insatisfecho", -2.6f},
    {"insatisfecha", -2.6f}, {"molesto", -2.0f}, {"molesta", -2.0f}, {"enfadado", -2.2f},
    {"enojado", -2.2f}, {"vergüenza", -2.6f}, {"basura", -3.0f}, {"estafa", -3.0f},
    {"fraude", -3.0f}, {"engaño", -2.6f}, {"falso", -2.4f}, {"falsa", -2.4f}, {"defectuoso", -2.6f},
    {"defectuosa", -2.6f}, {"defecto", -2.4f}, {"roto", -2.5f}, {"rota", -2.5f}, {"rotos", -2.5f},
    {"dañado", -2.4f}, {"dañada", -2.4f}, {"incorrecto", -2.0f}, {"equivocado", -2.2f},
    {"equivocada", -2.2f}, {"error", -2.0f}, {"falta", -1.6f}, {"faltaba", -2.0f},
    {"faltan", -2.0f}, {"incompleto", -2.2f}, {"retraso", -2.2f}, {"tarde", -1.0f},
    {"lento", -1.6f}, {"lenta", -1.6f}, {"demora", -1.8f}, {"tardó", -1.4f}, {"esperando", -1.4f},
    {"nadie", -1.4f}, {"nada", -1.2f}, {"problema", -1.4f}, {"problemas", -1.4f}, {"queja", -1.6f},
    {"reclamación", -2.0f}, {"devolución", -2.2f}, {"devolver", -2.0f}, {"devolví", -2.2f},
    {"reembolso", -2.0f}, {"cancelado", -2.0f}, {"cancelada", -2.0f}, {"caro", -1.0f},
    {"incómodo", -2.2f}, {"incómoda", -2.2f}, {"feo", -2.2f}, {"fea", -2.2f}, {"sucio", -2.2f},
    {"sucia", -2.2f}, {"asqueroso", -3.0f}, {"asquerosa", -3.0f}, {"frío", -0.8f}, {"fría", -0.8f},
    {"grosero", -2.6f}, {"grosera", -2.6f}, {"maleducado", -2.6f}, {"desagradable", -2.4f},
    {"lamentablemente", -2.0f}, {"desgraciadamente", -2.0f}, {"desafortunadamente", -2.0f},
    {"arrepiento", -2.2f}, {"inútil", -2.6f}, {"mediocre", -1.8f}, {"regular", -0.6f},
    {"flojo", -1.6f}, {"floja", -1.6f},
    // Everyday words of reviews of products, services and games (1.1.0).
    {"gran", 2.2f}, {"grande", 0.3f}, {"divertido", 2.3f}, {"divertida", 2.3f}, {"divertidos", 2.3f}, {"divertidas", 2.3f}, {"entretenido", 2.0f}, {"entretenida", 2.0f}, {"adictivo", 1.8f}, {"aburrido", -2.0f}, {"aburrida", -2.0f}, {"aburre", -1.8f}, {"obligatorio", 1.2f}, {"brutal", 1.5f}, {"asco", -2.8f}, {"mierda", -2.8f}, {"estafadores", -3.0f}, {"timo", -2.8f}, {"injusto", -2.0f}, {"errores", -1.5f}, {"fallo", -1.8f}, {"fallos", -1.8f}, {"bug", -1.6f}, {"bugs", -1.6f}, {"tramposos", -2.2f}, {"cheaters", -2.2f}, {"hackers", -2.0f}, {"lag", -1.6f}, {"crashea", -2.2f}, {"top", 2.0f}, {"joya", 2.6f}, {"obra", 0.5f}, {"maestra", 1.5f}, {"impresionante", 2.8f}, {"odio", -2.8f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"muy", 0.293f}, {"mucho", 0.293f}, {"muchísimo", 0.293f}, {"super", 0.293f}, {"súper", 0.293f},
    {"realmente", 0.293f}, {"totalmente", 0.293f}, {"completamente", 0.293f},
    {"absolutamente", 0.293f}, {"extremadamente", 0.293f}, {"increíblemente", 0.293f},
    {"tan", 0.293f}, {"bastante", 0.2f}, {"demasiado", 0.2f}, {"altamente", 0.293f},
    {"poco", -0.293f}, {"algo", -0.2f}, {"casi", -0.2f}, {"ligeramente", -0.293f},
};
// clang-format on

constexpr const char *negators[] = {"no",      "nunca",  "jamás",   "ni",      "sin",
                                    "tampoco", "ningún", "ninguna", "ninguno", "nada"};

// "sin embargo": "sin" before a contrast word negates nothing (see negation_of).
constexpr const char *contrasts[] = {"pero", "embargo"};

constexpr const char *function_words[] = {
    "el",       "la",     "los",   "las",     "del",    "y",      "es", "que",  "un",
    "una",      "con",    "para",  "por",     "en",     "muy",    "mi", "fue",  "está",
    "pero",     "lo",     "se",    "al",      "le",     "me",     "su", "este", "esta",
    "producto", "pedido", "llegó", "todo",    "como",   "más",    "ya", "hay",  "son",
    "estoy",    "tiene",  "bien",  "también", "cuando", "porque",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // ---- repurchase
    {"volveré|volvería|volveremos|volver|vuelvo ~2 a ~1 comprar|pedir|repetir|ir|visitar",
     S::repurchase, 0.9f},
    {"volveré|volveremos|volvería|repetiré|repetiremos|repetiría", S::repurchase, 0.8f},
    {"compraré|compraría|comprar|compro|pediré|pediría|pedir ~3 otra ~1 vez", S::repurchase, 0.8f},
    {"compraré|compraría|comprar|compro|pediré|pediría|pedir ~3 de ~1 nuevo", S::repurchase, 0.8f},
    {"siempre ~2 compro|pido|compramos", S::repurchase, 0.8f},
    {"cliente|clientes ~1 fiel|fieles|habitual|habituales", S::repurchase, 0.8f},
    {"segunda|tercera ~1 compra|vez", S::repurchase, 0.6f},
    {"nunca|jamás ~1 más", S::repurchase, -1.0f, N::keep},
    {"no ~2 volveré|volvería|volveremos|repetiré|repetiría", S::repurchase, -1.0f, N::keep},
    {"última ~1 vez|compra", S::repurchase, -0.5f, N::drop},
    {"devolución|devolver|devolví|devuelto|reembolso", S::repurchase, -0.6f, N::keep},
    {"cancelar|cancelé|cancelado|cancelada ~2 pedido|compra", S::repurchase, -0.7f, N::keep},

    // ---- referral
    {"recomiendo|recomendaría|recomendaré|recomendamos|recomendable|recomendado|recomendada|"
     "recomendar",
     S::referral, 0.8f},
    {"lo|la|los|las ~1 recomiendo|recomendaría|recomendaré", S::referral, 0.9f},
    {"muy|súper|super|totalmente|altamente|100 ~1 recomendable|recomendado|recomendada|"
     "recomiendo",
     S::referral, 1.0f},
    {"recomiendo|recomendaría ~3 todos|todo ~1 el ~1 mundo|amigos|familia", S::referral, 1.0f},
    {"no|nunca|jamás ~2 recomiendo|recomendaría|recomendaré|recomendamos|recomendar|"
     "recomendable",
     S::referral, -1.0f, N::keep},
    {"no ~1 compren|compres", S::referral, -0.8f, N::keep},
    {"eviten|evitar|huyan|cuidado ~1 con", S::referral, -0.9f, N::keep},

    // ---- sentiment idioms
    {"antes ~1 de ~1 tiempo|lo ~1 previsto|esperado", S::sentiment, 2.2f},
    {"a ~1 tiempo", S::sentiment, 1.4f},
    {"en ~1 plazo", S::sentiment, 1.6f},
    {"fuera ~1 de ~1 plazo", S::sentiment, -2.2f},
    {"todavía|aún ~2 esperando|espero", S::sentiment, -2.0f, N::keep},
    {"hasta ~1 ahora|hoy|el ~1 momento", S::sentiment, -1.4f, N::keep},
    {"todo ~1 bien|perfecto|correcto|ok", S::sentiment, 2.4f},
    {"tal ~1 como ~1 se ~1 describe|anuncia", S::sentiment, 1.8f},
    {"como ~1 se ~1 describe|anuncia|esperaba", S::sentiment, 1.6f},
    {"calidad ~1 precio", S::sentiment, 1.6f},
    {"vale ~2 pena", S::sentiment, 2.0f},
    {"sin ~1 problemas|problema", S::sentiment, 1.4f, N::keep},
    {"nada ~1 que ~1 ver", S::sentiment, -1.6f, N::keep},
    {"deja ~2 que ~1 desear", S::sentiment, -2.2f, N::keep},
    {"tomadura ~1 de ~1 pelo", S::sentiment, -2.6f, N::keep},
    {"pérdida ~1 de ~1 dinero|tiempo", S::sentiment, -2.8f, N::keep},
    {"muy ~1 bien", S::sentiment, 2.2f},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break, "y porque pues cuando mientras aunque entonces o"},
    {cue::scope_link, "a de en me nos lo la los las más le"},
    {cue::eager_verb, "veo dejaré dejo dejaría"},
    {cue::certainty, "seguro segura sé"},
    {cue::doubt, "dudo dudaría dudaré dudar duda difícilmente improbable"},
    {cue::hedge, "quizás quizá posiblemente probablemente puede podría ojalá espero"},
    {cue::former, "solía solíamos antiguamente"},
    {cue::condition, "si salvo"},
    {cue::concessive, "aun incluso"},
    {cue::addressee, "tú usted ustedes"},
    {cue::other_person, "él ella ellos ellas camarero camarera mesero mesera vendedor vendedora "
                        "amigo amiga amigos alguien dependiente dependienta me nos"},
    {cue::passive, "fue"},
    {cue::advice, "antes talla número tamaño mayor menor primero prueba"},
};

} // namespace

const language_data spanish{"es",      valences,       boosters, negators, {},
                            contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
