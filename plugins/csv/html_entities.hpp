// Decodes HTML character references in review text.
//
// Review sites and scrapers often export text still HTML-escaped ("don&#39;t",
// "A &amp; B"); analyzers should see the characters the customer typed.
#ifndef REBUY_CSV_HTML_ENTITIES_HPP
#define REBUY_CSV_HTML_ENTITIES_HPP

#include <string>
#include <string_view>

namespace rebuy_csv {

// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references
// (&#39; &#x27;) in one pass, so "&amp;lt;" becomes "&lt;", not "<". Anything
// else, including references to invalid code points, is kept as written.
// Returns `text` itself when it holds no '&'; otherwise a view of `scratch`.
std::string_view decode_html_entities(std::string_view text, std::string &scratch);

} // namespace rebuy_csv

#endif // REBUY_CSV_HTML_ENTITIES_HPP
