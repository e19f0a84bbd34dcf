#include "surveymonkey_importer.hpp"

#include <rebuy/column_mapping.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

namespace rebuy_surveymonkey {

namespace {

// The metadata block every export starts with, and the role each column plays.
// Spelled without spaces: "RespondentID" and "Respondent ID" are one.
constexpr rebuy::named_role metadata[] = {
    {"respondentid", REBUY_ROLE_ID},     {"collectorid", REBUY_ROLE_ATTRIBUTE},
    {"startdate", REBUY_ROLE_ATTRIBUTE}, {"enddate", REBUY_ROLE_SUBMITTED_AT},
    {"ipaddress", REBUY_ROLE_ATTRIBUTE}, {"emailaddress", REBUY_ROLE_CUSTOMER},
    {"firstname", REBUY_ROLE_ATTRIBUTE}, {"lastname", REBUY_ROLE_ATTRIBUTE},
};

std::string squeezed_lower(std::string_view s) {
  std::string out;
  for (char c : rebuy::ascii_lower(s))
    if (c != ' ') out.push_back(c);
  return out;
}

bool is_respondent_id(std::string_view cell) {
  return squeezed_lower(rebuy::trim_ascii(cell)) == "respondentid";
}

// The sub-labels that mean "the answer itself", not one of several columns.
bool whole_answer(std::string_view sub) {
  return sub.empty() || rebuy::ascii_iequals(sub, "Response") ||
         rebuy::ascii_iequals(sub, "Open-Ended Response");
}

// Cells up to the last non-blank one: trailing delimiters make no columns.
size_t filled_width(const std::vector<std::string> &row) {
  size_t width = row.size();
  while (width > 0 && rebuy::trim_ascii(row[width - 1]).empty())
    --width;
  return width;
}

} // namespace

std::string surveymonkey_importer::plain_header(std::string_view html) {
  std::string text;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    // A tag is "<" and a letter or "/", up to ">": "<br>", "</strong>". A
    // lone "<" ("Age <18") is text, and so is an escaped "&lt;br&gt;".
    size_t close = c == '<' ? html.find('>', i) : std::string_view::npos;
    bool tag = close != std::string_view::npos && i + 1 < html.size() &&
               (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/');
    if (tag) {
      i = close;
      c = ' ';
    }
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!space)
      text.push_back(c);
    else if (!text.empty() && text.back() != ' ')
      text.push_back(' ');
  }
  std::string scratch;
  return std::string(rebuy::trim_ascii(rebuy::decode_html_entities(text, scratch)));
}

surveymonkey_importer::surveymonkey_importer(const rebuy::host &host, const rebuy::input &input,
                                             const rebuy::options &options,
                                             rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, "surveymonkey") {
  table_.warn_unknown_options(options, {});
  const rebuy::csv_record &first = table_.read_header("header row 1 (questions)");
  std::vector<std::string> questions(first.fields.begin(), first.fields.end());
  const rebuy::csv_record &second = table_.read_header("header row 2 (answer labels)");
  std::vector<std::string> subs(second.fields.begin(), second.fields.end());
  uint64_t second_line = second.line;

  size_t width = std::max(filled_width(questions), filled_width(subs));
  if (width == 0) throw rebuy::error("header row 1 names no columns: not a SurveyMonkey export");
  questions.resize(std::max(questions.size(), width));
  subs.resize(std::max(subs.size(), width));
  auto id = std::find_if(questions.begin(), questions.end(), is_respondent_id);
  if (id != questions.end() && !rebuy::trim_ascii(subs[size_t(id - questions.begin())]).empty())
    throw rebuy::error("header row 2 on line " + std::to_string(second_line) +
                       " gives a Respondent ID (\"" + subs[size_t(id - questions.begin())] +
                       "\"): it is a response, but SurveyMonkey exports have two header rows");

  // Each column: the question written last at or before it, and its sub-label.
  std::vector<std::string> names;
  std::string question;
  for (size_t c = 0; c < width; ++c) {
    std::string text = plain_header(questions[c]);
    if (!text.empty()) question = text;
    std::string sub = plain_header(subs[c]);
    names.push_back(whole_answer(sub) ? question : question.empty() ? sub : question + " - " + sub);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  names = rebuy::unique_column_names(views);

  table_.read_sample(width);
  std::vector<rebuy::table_column> columns(width);
  for (size_t c = 0; c < width; ++c) {
    columns[c].name = names[c];
    columns[c].known = rebuy::role_named(metadata, squeezed_lower(names[c]));
  }
  table_.guess(std::move(columns), options);
}

int surveymonkey_importer::probe(std::string_view head, std::string_view) noexcept {
  try {
    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    if (!reader.next(row)) return 0;
    auto id = std::find_if(row.fields.begin(), row.fields.end(), is_respondent_id);
    if (id == row.fields.end()) return 0;
    size_t id_column = size_t(id - row.fields.begin());
    if (!reader.next(row) || row.status == rebuy::csv_status::blank) return 0;
    // Row 2 holds sub-labels, never a respondent's id.
    if (id_column < row.fields.size() && !rebuy::trim_ascii(row.fields[id_column]).empty())
      return 0;
    bool any = false, response = false;
    for (std::string_view f : row.fields) {
      std::string_view sub = rebuy::trim_ascii(f);
      any = any || !sub.empty();
      response = response || (!sub.empty() && whole_answer(sub));
    }
    return response ? 90 : any ? 75 : 0;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_surveymonkey

REBUY_IMPORTER_PLUGIN(rebuy_surveymonkey::surveymonkey_importer, "surveymonkey", "SurveyMonkey",
                      "1.0.0", "SurveyMonkey \"all individual responses\" CSV exports")
