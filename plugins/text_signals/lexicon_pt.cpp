// Portuguese lexicons and phrase rules, Brazilian usage first, written for shop and delivery
// reviews. Words are written with their accents; "nao", "otimo", "pessimo" match too.
#include "language_data.hpp"

namespace rebuy::text_signals {
namespace {

// clang-format off
constexpr valence_def valences[] = {
    // Praise
    {"bom", 1.9f}, {"boa", 1.9f}, {"bons", 1.9f}, {"boas", 1.9f}, {"ótimo", 3.0f}, {"ótima", 3.0f},
    {"ótimos", 3.0f}, {"ótimas", 3.0f}, {"excelente", 3.0f}, {"excelentes", 3.0f},
    {"excelência", 2.8f}, {"maravilhoso", 3.0f}, {"maravilhosa", 3.0f}, {"maravilha", 2.8f},
    {"perfeito", 3.0f}, {"perfeita", 3.0f}, {"perfeitos", 3.0f}, {"perfeitas", 3.0f},
    {"perfeitamente", 2.6f}, {"incrível", 2.9f}, {"fantástico", 3.0f}, {"fantástica", 3.0f},
    {"sensacional", 3.0f}, {"espetacular", 3.0f}, {"show", 2.4f}, {"top", 2.4f}, {"massa", 1.8f},
    {"legal", 1.9f}, {"bacana", 2.0f}, {"lindo", 2.6f}, {"linda", 2.6f}, {"lindos", 2.6f},
    {"lindas", 2.6f}, {"bonito", 2.2f}, {"bonita", 2.2f}, {"bonitos", 2.2f}, {"bonitas", 2.2f},
    {"belo", 2.2f}, {"bela", 2.2f}, {"fofo", 2.0f}, {"fofa", 2.0f}, {"elegante", 2.0f},
    {"melhor", 2.2f}, {"melhores", 2.2f}, {"adorei", 3.0f}, {"adoro", 3.0f}, {"adoramos", 3.0f},
    {"amei", 3.1f}, {"amo", 3.0f}, {"amamos", 3.0f}, {"gostei", 2.2f}, {"gostamos", 2.2f},
    {"gosto", 1.6f}, {"gostou", 2.0f}, {"curti", 2.0f}, {"apaixonada", 2.8f}, {"apaixonado", 2.8f},
    {"satisfeito", 2.2f}, {"satisfeita", 2.2f}, {"satisfeitos", 2.2f}, {"satisfação", 2.0f},
    {"satisfatório", 1.6f}, {"feliz", 2.6f}, {"felizes", 2.6f}, {"contente", 2.3f},
    {"encantada", 2.8f}, {"encantado", 2.8f}, {"surpreendeu", 2.0f}, {"surpreendida", 1.6f},
    {"surpreendido", 1.6f}, {"superou", 2.6f}, {"parabéns", 2.8f}, {"parabens", 2.8f},
    {"obrigado", 1.6f}, {"obrigada", 1.6f}, {"grato", 1.8f}, {"grata", 1.8f}, {"agradeço", 1.8f},
    {"recomendo", 2.0f}, {"recomendado", 1.8f}, {"recomendadíssimo", 3.0f}, {"recomendável", 1.8f},
    {"indico", 1.8f}, {"confiável", 2.2f}, {"confiáveis", 2.2f}, {"confiança", 1.8f},
    {"seriedade", 1.8f}, {"séria", 1.2f}, {"sério", 0.6f}, {"honesta", 1.8f}, {"eficiente", 2.2f},
    {"eficientes", 2.2f}, {"eficiência", 2.2f}, {"eficaz", 2.0f}, {"rápido", 1.9f},
    {"rápida", 1.9f}, {"rápidos", 1.9f}, {"rápidas", 1.9f}, {"rapidez", 2.0f}, {"rapidinho", 2.0f},
    {"rapidamente", 1.6f}, {"agilidade", 2.0f}, {"ágil", 1.9f}, {"antecipada", 1.8f},
    {"antecipado", 1.8f}, {"adiantado", 1.6f}, {"pontual", 1.8f}, {"pontualidade", 1.8f},
    {"correto", 1.5f}, {"correta", 1.5f}, {"corretamente", 1.5f}, {"certinho", 2.0f},
    {"certinha", 2.0f}, {"certo", 1.2f}, {"ok", 1.2f}, {"tranquilo", 1.5f}, {"tranquila", 1.5f},
    {"fácil", 1.5f}, {"prático", 1.6f}, {"prática", 1.6f}, {"útil", 1.6f}, {"qualidade", 1.0f},
    {"resistente", 1.6f}, {"confortável", 2.2f}, {"macio", 1.4f}, {"macia", 1.4f},
    {"cheiroso", 1.8f}, {"cheirosa", 1.8f}, {"gostoso", 2.2f}, {"gostosa", 2.2f},
    {"delicioso", 2.8f}, {"deliciosa", 2.8f}, {"saboroso", 2.4f}, {"barato", 0.8f}, {"justo", 1.2f},
    {"vale", 1.2f, -2.0f}, {"valeu", 1.8f, -2.0f}, {"compensa", 1.4f, -1.8f},
    {"atendeu", 1.6f, -2.2f}, {"atende", 1.4f, -2.0f}, {"atenderam", 1.6f, -2.0f},
    {"atencioso", 2.2f}, {"atenciosa", 2.2f}, {"atenciosos", 2.2f}, {"educado", 1.8f},
    {"educada", 1.8f}, {"prestativo", 2.0f}, {"prestativa", 2.0f}, {"simpático", 2.0f},
    {"simpática", 2.0f}, {"cuidado", 1.0f}, {"caprichado", 2.0f}, {"capricho", 2.0f},
    {"embalado", 1.0f}, {"embalada", 1.0f}, {"protegido", 1.2f}, {"impecável", 2.8f},
    {"conforme", 0.8f, -1.8f}, {"funciona", 1.2f, -2.4f}, {"funcionou", 1.2f, -2.4f},
    {"funcionando", 1.0f, -2.2f}, {"funcionam", 1.2f, -2.4f}, {"fucionou", 1.2f, -2.4f},
    {"chegou", 0.4f, -2.4f}, {"chegaram", 0.4f, -2.4f}, {"chegar", 0.0f, -1.8f},
    {"chega", 0.2f, -2.0f}, {"recebi", 0.0f, -2.6f}, {"recebemos", 0.0f, -2.6f},
    {"recebido", 0.0f, -2.2f}, {"recebida", 0.0f, -2.2f}, {"receber", 0.0f, -1.6f},
    {"entregue", 0.6f, -2.4f}, {"entregues", 0.6f, -2.4f}, {"entregaram", 0.4f, -2.4f},
    {"entregou", 0.4f, -2.4f}, {"veio", 0.0f, -1.6f}, {"vieram", 0.0f, -1.6f},
    {"respondeu", 0.4f, -2.2f}, {"responderam", 0.4f, -2.2f}, {"resposta", 0.0f, -2.2f},
    {"retorno", 0.0f, -2.2f}, {"retornaram", 0.0f, -2.2f}, {"resolveram", 1.0f, -2.2f},
    {"resolvido", 1.0f, -2.0f}, {"problema", -1.4f}, {"problemas", -1.4f}, {"reclamar", -1.0f},
    {"sucesso", 2.0f},
    // Complaints
    {"ruim", -2.5f}, {"ruins", -2.5f}, {"péssimo", -3.2f}, {"péssima", -3.2f}, {"péssimos", -3.2f},
    {"péssimas", -3.2f}, {"horrível", -3.0f}, {"horríveis", -3.0f}, {"orrivel", -3.0f},
    {"terrível", -3.0f}, {"lamentável", -2.8f}, {"decepção", -2.6f}, {"decepcionado", -2.6f},
    {"decepcionada", -2.6f}, {"decepcionante", -2.6f}, {"insatisfeito", -2.6f},
    {"insatisfeita", -2.6f}, {"insatisfação", -2.6f}, {"descontente", -2.4f},
    {"descontentamento", -2.4f}, {"chateado", -2.2f}, {"chateada", -2.2f}, {"chateação", -2.2f},
    {"triste", -2.0f}, {"revoltado", -2.6f}, {"revoltada", -2.6f}, {"indignado", -2.6f},
    {"indignada", -2.6f}, {"absurdo", -2.6f}, {"vergonha", -2.6f}, {"lixo", -3.0f},
    {"porcaria", -3.0f}, {"fraco", -1.6f}, {"fraca", -1.6f}, {"mal", -1.8f}, {"pior", -2.8f},
    {"piores", -2.8f}, {"falso", -2.4f}, {"falsa", -2.4f}, {"falsificado", -2.8f},
    {"falsificada", -2.8f}, {"defeito", -2.4f}, {"defeitos", -2.4f}, {"defeituoso", -2.6f},
    {"defeituosa", -2.6f}, {"quebrado", -2.5f}, {"quebrada", -2.5f}, {"quebrados", -2.5f},
    {"quebrou", -2.5f}, {"danificado", -2.4f}, {"danificada", -2.4f}, {"avariado", -2.4f},
    {"avariada", -2.4f}, {"amassado", -2.0f}, {"amassada", -2.0f}, {"riscado", -1.8f},
    {"rasgado", -2.0f}, {"rasgada", -2.0f}, {"estragado", -2.4f}, {"estragada", -2.4f},
    {"violada", -2.2f}, {"violado", -2.2f}, {"aberta", -0.6f}, {"usado", -1.0f}, {"errado", -2.4f},
    {"errada", -2.4f}, {"errados", -2.4f}, {"erradas", -2.4f}, {"erro", -2.0f},
    {"diferente", -1.5f}, {"diferentes", -1.2f}, {"faltando", -2.2f}, {"faltou", -2.0f},
    {"falta", -1.6f}, {"faltam", -2.0f}, {"incompleto", -2.2f}, {"incompleta", -2.2f},
    {"somente", -0.6f}, {"apenas", -0.5f}, {"atraso", -2.2f}, {"atrasado", -2.2f},
    {"atrasada", -2.2f}, {"atrasou", -2.2f}, {"demora", -1.8f}, {"demorou", -1.6f},
    {"demorada", -1.8f}, {"demorado", -1.8f}, {"lento", -1.6f}, {"lenta", -1.6f},
    {"aguardando", -1.6f}, {"aguardo", -1.6f}, {"aguardar", -1.2f}, {"esperando", -1.4f},
    {"passou", -0.8f}, {"ninguém", -1.4f}, {"nada", -1.2f}, {"nenhuma", -1.0f}, {"nenhum", -1.0f},
    {"cancelado", -2.0f}, {"cancelada", -2.0f}, {"cancelamento", -2.0f}, {"cancelaram", -2.0f},
    {"troca", -1.6f}, {"trocar", -1.4f}, {"devolução", -2.2f}, {"devolucao", -2.2f},
    {"devolver", -2.0f}, {"devolvi", -2.2f}, {"devolvido", -2.0f}, {"reembolso", -2.0f},
    {"estorno", -2.2f}, {"dinheiro", -1.0f}, {"paguei", -0.8f}, {"prejuízo", -2.4f},
    {"enganado", -2.6f}, {"enganada", -2.6f}, {"enganosa", -2.6f}, {"enganoso", -2.6f},
    {"lesado", -2.6f}, {"lesada", -2.6f}, {"golpe", -3.0f}, {"fraude", -3.0f},
    {"desrespeito", -2.6f}, {"descaso", -2.8f}, {"absurda", -2.6f}, {"inferior", -1.8f},
    {"caro", -1.0f}, {"pequeno", -0.6f}, {"pequena", -0.6f}, {"frágil", -1.4f}, {"fina", -0.6f},
    {"reclamação", -2.0f}, {"reclamações", -2.0f}, {"infelizmente", -2.0f}, {"transtorno", -2.2f},
    {"dor", -1.8f}, {"desconfortável", -2.0f}, {"feio", -2.2f}, {"feia", -2.2f},
    {"arrependimento", -2.4f}, {"arrependido", -2.4f}, {"arrependida", -2.4f}, {"desisti", -1.8f},
    {"descumprimento", -2.4f}, {"irresponsabilidade", -2.8f}, {"desatenção", -2.0f},
    {"desorganização", -2.2f}, {"consta", -1.0f}, {"extraviado", -2.6f}, {"extraviada", -2.6f},
    {"preciso", -0.6f}, {"previsão", -0.8f}, {"quero", -0.4f}, {"demorando", -1.8f},
    {"demorar", -1.6f}, {"parcialmente", -1.6f}, {"parcial", -1.4f}, {"réplica", -2.2f},
    {"enganar", -2.4f}, {"enganoza", -2.4f}, {"desacordo", -2.0f}, {"genérico", -1.2f},
    {"pendente", -1.2f}, {"enviou", 0.0f, -2.4f}, {"enviaram", 0.0f, -2.4f},
    {"enviado", 0.0f, -2.2f},
    // Everyday words of reviews of products, services and games (1.1.0).
    {"divertido", 2.3f}, {"divertida", 2.3f}, {"enganação", -2.8f}, {"chato", -1.8f}, {"chata", -1.8f},
};
// clang-format on

// clang-format off
constexpr booster_def boosters[] = {
    {"muito", 0.293f}, {"muita", 0.293f}, {"muitos", 0.2f}, {"mto", 0.293f}, {"mt", 0.293f},
    {"super", 0.293f}, {"bem", 0.293f}, {"extremamente", 0.293f}, {"totalmente", 0.293f},
    {"completamente", 0.293f}, {"realmente", 0.293f}, {"bastante", 0.2f}, {"tão", 0.293f},
    {"demais", 0.293f}, {"simplesmente", 0.2f}, {"absolutamente", 0.293f}, {"altamente", 0.293f},
    {"sempre", 0.1f}, {"pouco", -0.293f}, {"meio", -0.293f}, {"quase", -0.2f},
    {"razoavelmente", -0.2f}, {"levemente", -0.293f}, {"ligeiramente", -0.293f},
};
// clang-format on

constexpr const char *negators[] = {"não", "nao", "nunca", "jamais", "nem",
                                    "sem", "n",   "ñ",     "nada"};

constexpr const char *contrasts[] = {"mas", "porém", "entretanto", "contudo", "todavia"};

constexpr const char *function_words[] = {
    "o",     "os",      "as",      "do",    "da",     "dos",    "das",    "é",    "não",
    "um",    "uma",     "com",     "para",  "por",    "no",     "na",     "nos",  "nas",
    "muito", "meu",     "minha",   "foi",   "está",   "mas",    "que",    "ao",   "pelo",
    "pela",  "produto", "entrega", "prazo", "chegou", "recebi", "ainda",  "mais", "já",
    "até",   "pra",     "também",  "você",  "eu",     "isso",   "esse",   "essa", "são",
    "estou", "tudo",    "ele",     "ela",   "veio",   "loja",   "compra", "bem",  "antes",
};

using S = signal;
using N = when_negated;

constexpr phrase_def phrases[] = {
    // ---- repurchase
    {"comprarei|compraria|comprar|compro|comprei|comprando|voltarei|voltaria|volto|voltando|"
     "pedirei|pediria|pedir|peço ~4 novamente|denovo",
     S::repurchase, 0.8f},
    {"comprarei|compraria|comprar|compro|comprei|comprando|voltarei|voltaria|volto|voltando|"
     "pedirei|pediria|pedir|peço ~4 outra|outras ~1 vez|vezes",
     S::repurchase, 0.8f},
    {"comprarei|compraria|comprar|compro|comprei|voltarei|voltaria|volto ~3 de ~1 novo",
     S::repurchase, 0.8f},
    {"farei|faria|fazer|farei ~2 outra|outras|mais|novas|novos ~1 compra|compras|pedido|pedidos",
     S::repurchase, 0.8f},
    {"voltarei|voltaria|voltaremos|voltar ~2 a ~1 comprar|pedir", S::repurchase, 0.9f},
    {"sempre ~2 compro|comprei|compra|compramos", S::repurchase, 0.8f},
    {"compro ~3 sempre", S::repurchase, 0.8f},
    {"segunda|terceira|quarta ~1 compra|vez", S::repurchase, 0.6f},
    {"cliente|clientes ~1 fiel|fiéis", S::repurchase, 0.8f},
    {"novas|próximas|futuras ~1 compras", S::repurchase, 0.7f},
    {"nunca ~1 mais", S::repurchase, -1.0f, N::keep},
    {"jamais ~3 compro|comprarei|compraria|comprar|comprem|voltarei|volto", S::repurchase, -1.0f,
     N::keep},
    {"última ~1 compra|vez", S::repurchase, -0.5f, N::drop},
    {"devolução|devolver|devolvi|devolvido|devolvendo|reembolso|estorno|estornar|estornado",
     S::repurchase, -0.6f, N::keep},
    {"dinheiro ~1 de ~1 volta", S::repurchase, -0.8f, N::keep},
    {"cancelar|cancelei|cancelado|cancelada|cancelamento|cancelaram ~3 pedido|compra|pedidos",
     S::repurchase, -0.7f, N::keep},
    {"pedido|compra ~2 cancelado|cancelada", S::repurchase, -0.7f, N::keep},

    // ---- referral
    {"recomendo|recomendaria|recomendarei|recomendamos|recomendado|recomendada|recomendável|"
     "indico|indicaria|indicarei|indicamos|recomendar|indicar",
     S::referral, 0.8f},
    {"recomendadíssimo|recomendadíssima", S::referral, 1.0f},
    {"super|muito|sempre|certamente|totalmente|altamente|plenamente ~1 recomendo|indico|"
     "recomendado|recomendada|recomendarei|indicarei",
     S::referral, 1.0f},
    {"recomendo|indico|recomendarei|indicarei|recomendaria|indicaria ~3 todos|todas|amigos|"
     "família|familiares|qualquer|geral",
     S::referral, 1.0f},
    {"com ~1 certeza ~2 recomendo|indico|recomendarei|indicarei|recomendaria|indicaria",
     S::referral, 1.0f},
    {"recomendo|indico ~2 com ~1 certeza", S::referral, 1.0f},
    {"não|nao|n|nunca|jamais ~2 recomendo|recomendaria|recomendarei|recomendamos|indico|"
     "indicaria|indicarei|recomendar|indicar",
     S::referral, -1.0f, N::keep},
    {"não|nao|n ~1 comprem|compre", S::referral, -0.8f, N::keep},
    {"não|nao ~1 caiam|caia", S::referral, -0.9f, N::keep},
    {"fujam|evitem ~1 com|dessa|desta|deste|desse", S::referral, -1.0f, N::keep},
    {"fujam", S::referral, -1.0f, N::keep},
    {"evitem|evite", S::referral, -0.8f, N::keep},

    // ---- sentiment idioms
    {"antes ~1 do|da ~1 prazo|data|previsto|prevista|esperado|estipulado|combinado", S::sentiment,
     2.4f},
    {"dentro|no ~1 do|da ~1 prazo|data", S::sentiment, 1.8f},
    {"no ~1 prazo", S::sentiment, 1.8f},
    {"bem ~1 antes", S::sentiment, 2.4f},
    {"antes ~1 do ~1 tempo", S::sentiment, 2.0f},
    {"fora ~1 do ~1 prazo", S::sentiment, -2.2f},
    {"prazo|data ~2 passou|vencido|expirou|estourado|ultrapassado", S::sentiment, -2.2f},
    {"passou ~2 do|da ~1 prazo|data", S::sentiment, -2.2f},
    {"até ~1 agora|hoje|o ~1 momento|presente", S::sentiment, -1.6f, N::keep},
    {"ate ~1 agora|hoje", S::sentiment, -1.6f, N::keep},
    {"ainda ~2 aguardando|aguardo|esperando|espero", S::sentiment, -2.0f, N::keep},
    {"no ~1 aguardo", S::sentiment, -2.0f, N::keep},
    {"recebi|veio|vieram|chegou|chegaram|entregaram|enviaram|entregue ~3 somente|apenas|só ~2 "
     "um|uma|1|dois|duas|2|parte|metade",
     S::sentiment, -2.4f},
    {"tudo ~1 certo|ok|perfeito|certinho|tranquilo|ótimo|bem", S::sentiment, 2.4f},
    {"de ~1 acordo|conforme", S::sentiment, 0.0f},
    {"conforme|acordo ~2 anunciado|anúncio|descrito|descrição|esperado|combinado|site|foto|"
     "pedido|comprado",
     S::sentiment, 1.8f},
    {"custo ~1 benefício|beneficio", S::sentiment, 1.8f},
    {"não ~1 tenho ~1 do ~1 que ~1 reclamar", S::sentiment, 2.2f, N::keep},
    {"nada ~1 a ~1 reclamar", S::sentiment, 2.2f, N::keep},
    {"sem ~1 problemas|problema|defeito|defeitos", S::sentiment, 1.2f, N::keep},
    {"deixa|deixou ~1 a|muito ~1 desejar", S::sentiment, -2.2f, N::keep},
    {"nota ~1 10|dez|1000|mil", S::sentiment, 2.6f},
    {"vale|valeu ~2 pena", S::sentiment, 2.0f},
    {"em ~1 perfeito|perfeitas|perfeitos|ótimo|ótimas|bom ~1 estado|condições", S::sentiment, 2.2f},
    {"mal ~1 feito|feita|acabado|acabada|embalado|embalada", S::sentiment, -2.4f},
    {"não ~1 é ~1 original", S::sentiment, -2.4f, N::keep},
    {"nota ~1 fiscal", S::sentiment, 0.0f},
    {"sem ~1 nota ~1 fiscal", S::sentiment, -1.2f, N::keep},
    {"pelo ~1 contrário", S::sentiment, 0.0f},
    {"bom ~1 dia", S::sentiment, 0.0f}, // greetings
    {"boa ~1 tarde|noite", S::sentiment, 0.0f},
    {"baixa|péssima|má|pouca ~1 qualidade", S::sentiment, -2.4f},
    {"só|somente|apenas ~2 recebi|veio|vieram|chegou|chegaram|entregaram|entregou|enviaram|"
     "entregue",
     S::sentiment, -2.0f},
    {"veio|vieram|chegou|entregaram|entrega|enviaram|recebi|mandaram ~2 outro|outra|outros",
     S::sentiment, -1.8f},
};

// Grammar cues for the repurchase and referral phrases (phrase_grammar.hpp).
constexpr cue_def cues[] = {
    {cue::clause_break, "e porque pois quando enquanto embora então ou"},
    {cue::scope_link, "a de me nos mais se lhe te"},
    {cue::eager_verb, "vejo deixarei deixo deixaria deixar"},
    {cue::certainty, "certeza seguro segura sei"},
    {cue::doubt, "duvido dúvida hesito hesitaria hesitar dificilmente improvável"},
    {cue::hedge, "talvez possivelmente provavelmente poderia pode quiçá espero"},
    {cue::former, "costumava costumávamos antigamente"},
    {cue::condition, "se caso"},
    {cue::concessive, "mesmo"},
    {cue::addressee, "você vocês voce tu"},
    {cue::other_person, "ele ela eles elas vendedor vendedora atendente garçom garçonete amigo "
                        "amiga amigos alguém me nos"},
    {cue::passive, "foi"},
    {cue::advice, "antes tamanho número numeração maior menor primeiro teste"},
};

} // namespace

const language_data portuguese{"pt",      valences,       boosters, negators, {},
                               contrasts, function_words, phrases,  cues};

} // namespace rebuy::text_signals
