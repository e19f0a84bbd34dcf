/* rebuy plugin ABI: the C boundary between the rebuy host and its plugins.
 *
 * Only fixed-width integers, double, UTF-8 string views, opaque handles and
 * structs of function pointers cross this boundary, so a plugin built with any
 * compiler and standard library loads into any host. Nothing allocated on one
 * side is freed on the other. See sdk/ABI.md for the rules and their history.
 */
#ifndef REBUY_PLUGIN_ABI_H
#define REBUY_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#define REBUY_ABI_MAJOR 1
#define REBUY_ABI_MINOR 1

/* The oldest ABI minor this plugin needs: what goes in rebuy_plugin_info.abi_minor.
 * A host of an older minor refuses the plugin; any newer one accepts it. The
 * C++ layer (plugin.hpp) needs nothing past 1.0: it writes 1.1's source notes
 * only into a rebuy_source_info that has room for them. So the default is 0; a
 * plugin that relies on something a later minor added defines this to that
 * minor before it includes the SDK. */
#ifndef REBUY_PLUGIN_MIN_ABI_MINOR
#define REBUY_PLUGIN_MIN_ABI_MINOR 0
#endif

/* The exported entry symbol; its name carries the ABI major. */
#define REBUY_ENTRY_SYMBOL "rebuy_plugin_entry_v1"
/* Every plugin carries this ELF section so the host can recognise it before
 * running any of its code. */
#define REBUY_MARKER_SECTION "rebuy_plugin"

#ifdef __cplusplus
extern "C" {
#endif

/* A UTF-8 string view; not NUL-terminated. */
typedef struct rebuy_str {
  const char *data;
  size_t size;
} rebuy_str;

typedef int32_t rebuy_status;
enum {
  REBUY_OK = 0,
  REBUY_END = 1,       /* read_batch: the input is exhausted, the batch is empty */
  REBUY_ERROR = 2,     /* failed; the message went to the error sink */
  REBUY_CANCELLED = 3, /* stopped because the host asked to cancel */
};

typedef int32_t rebuy_plugin_kind;
enum { REBUY_KIND_IMPORTER = 1, REBUY_KIND_ANALYZER = 2 };

typedef int32_t rebuy_log_level;
enum {
  REBUY_LOG_DEBUG = 1,
  REBUY_LOG_INFO = 2,
  REBUY_LOG_WARN = 3,
  REBUY_LOG_ERROR = 4,
};

/* Semantic roles a source column can play. Values never change meaning; new
 * roles are appended. A host that does not know a role keeps the field as an
 * attribute. */
typedef int32_t rebuy_role;
enum {
  REBUY_ROLE_ATTRIBUTE = 0,    /* any other column, kept verbatim */
  REBUY_ROLE_ID = 1,           /* the source's own id of the row */
  REBUY_ROLE_CUSTOMER = 2,     /* customer id, or e-mail when that is all */
  REBUY_ROLE_SUBMITTED_AT = 3, /* when the answer or review was given */
  REBUY_ROLE_NPS = 4,          /* 0-10 likelihood to recommend */
  REBUY_ROLE_BUY_AGAIN = 5,    /* repurchase intent, any scale */
  REBUY_ROLE_RATING = 6,       /* star rating */
  REBUY_ROLE_RATING_MAX = 7,   /* the rating's maximum, e.g. "5" */
  REBUY_ROLE_RECOMMEND = 8,    /* yes/no would recommend */
  REBUY_ROLE_CSAT = 9,
  REBUY_ROLE_CES = 10,
  REBUY_ROLE_CES_VERSION = 11, /* "1" (lower is better) or "2" */
  REBUY_ROLE_TITLE = 12,       /* review or comment title */
  REBUY_ROLE_TEXT = 13,        /* free text: body, comment */
  REBUY_ROLE_PRODUCT = 14,
  REBUY_ROLE_SEGMENT = 15,
  REBUY_ROLE_JOURNEY_STAGE = 16,
  REBUY_ROLE_ORDER_ID = 17,
  REBUY_ROLE_ORDER_VALUE = 18,
  REBUY_ROLE_ORDER_COUNT = 19,
  REBUY_ROLE_COUNTRY = 20,
  REBUY_ROLE_LANGUAGE = 21,
  REBUY_ROLE_CHANNEL = 22,
  REBUY_ROLE_COUNT_V1_0 = 23 /* number of roles defined in ABI 1.0 */
};

typedef int32_t rebuy_record_kind;
enum {
  REBUY_RECORD_SURVEY = 1,
  REBUY_RECORD_REVIEW = 2,
  REBUY_RECORD_POST_PURCHASE = 3,
  REBUY_RECORD_ORDER = 4,
};

/* Capability bits in rebuy_plugin_info.capabilities. */
#define REBUY_CAP_IMPORTER_RAW_INPUT (1ull << 0)  /* wants the undecoded bytes */
#define REBUY_CAP_ANALYZER_ATTRIBUTES (1ull << 1) /* wants attribute fields too */

/* ---- host services ------------------------------------------------------ */

/* Receives an error message; the host copies it before returning. */
typedef struct rebuy_error_sink {
  void *context;
  void (*set)(void *context, rebuy_str message);
} rebuy_error_sink;

/* Services the host offers every plugin. Valid for the lifetime of the object
 * it was passed to. Grows only at its end (check struct_size). */
typedef struct rebuy_host {
  uint32_t struct_size;
  void *context;
  void (*log)(void *context, rebuy_log_level level, rebuy_str message);
  void (*progress)(void *context, uint64_t done, uint64_t total);
  int32_t (*cancelled)(void *context); /* non-zero: stop soon, return REBUY_CANCELLED */
} rebuy_host;

/* A key/value option, e.g. {"map", "nps=Likely-To-Recommend"}. */
typedef struct rebuy_option {
  rebuy_str key;
  rebuy_str value;
} rebuy_option;

/* ---- importers ---------------------------------------------------------- */

/* The text to import. Unless the plugin declares REBUY_CAP_IMPORTER_RAW_INPUT
 * the host has already removed any BOM and converted the encoding: read()
 * yields UTF-8. */
typedef struct rebuy_input {
  uint32_t struct_size;
  void *context;
  rebuy_str name;     /* the file name as the user gave it */
  uint64_t size_hint; /* bytes in the source file, 0 if unknown */
  /* Fills up to `capacity` bytes; returns the count, 0 at the end, or -1 on a
   * read error (the host records the message itself). */
  int64_t (*read)(void *context, char *buffer, size_t capacity);
} rebuy_input;

/* One value of a record. */
typedef struct rebuy_field {
  rebuy_role role;
  rebuy_str name; /* the source's column or key name (may be empty for synthesized meta roles) */
  rebuy_str value;
} rebuy_field;

typedef struct rebuy_record {
  uint64_t line; /* 1-based line in the decoded input where the row starts */
  rebuy_record_kind kind;
  const rebuy_field *fields;
  size_t field_count;
} rebuy_record;

/* A row that was rejected (unreadable) or skipped by a rule the user sees. */
typedef struct rebuy_row_issue {
  uint64_t line;
  rebuy_str reason;
  rebuy_str raw; /* the row's text, possibly truncated; may be empty */
} rebuy_row_issue;

/* What one read_batch call produced. The memory is the importer's and stays
 * valid until its next call to read_batch or close. The host sets struct_size
 * to its own size before the call; the plugin writes only fields both know. */
typedef struct rebuy_batch {
  uint32_t struct_size;
  const rebuy_record *records;
  size_t record_count;
  const rebuy_row_issue *rejects;
  size_t reject_count;
  const rebuy_row_issue *skips;
  size_t skip_count;
} rebuy_batch;

/* How the importer maps the source's columns. */
typedef struct rebuy_column {
  rebuy_str name;
  rebuy_role role;
} rebuy_column;

/* What an importer can say of a column beyond its role (ABI 1.1). Every
 * string may be empty. */
typedef struct rebuy_column_note {
  rebuy_str scale;      /* the scale its numbers are read on: "1-10", "0-10", "1-5 in half steps" */
  rebuy_str reason;     /* why it has its role; for an attribute, what it looks like */
  rebuy_str missing;    /* missing-value markers seen so far: "\"NA\" x12, \"nan\" x3" */
  rebuy_str suggestion; /* for an attribute, the --map that would map it */
} rebuy_column_note;

typedef struct rebuy_source_info {
  uint32_t struct_size;
  rebuy_str source; /* suggested source name ("amazon"); empty: the host uses the file name */
  rebuy_record_kind kind;
  const rebuy_column *columns;
  size_t column_count;
  /* ABI 1.1 */
  const rebuy_column_note *column_notes; /* column_count notes, or NULL */
  rebuy_str note; /* about the whole source, e.g. that it has no header row; may be empty */
} rebuy_source_info;

typedef struct rebuy_importer rebuy_importer; /* opaque */

typedef struct rebuy_importer_api {
  uint32_t struct_size;
  /* Confidence 0-100 that this plugin reads a file starting with `head` (up to
   * 64 KiB, decoded like the input) named `file_name`. Must not fail. */
  int32_t (*probe)(rebuy_str head, rebuy_str file_name);
  rebuy_status (*open)(const rebuy_host *host, const rebuy_input *input,
                       const rebuy_option *options, size_t option_count, rebuy_importer **out,
                       rebuy_error_sink *errors);
  /* The column mapping; may grow as reading discovers columns. Memory valid
   * until the next call on this importer. */
  rebuy_status (*describe)(rebuy_importer *importer, rebuy_source_info *out,
                           rebuy_error_sink *errors);
  rebuy_status (*read_batch)(rebuy_importer *importer, size_t max_records, rebuy_batch *out,
                             rebuy_error_sink *errors);
  void (*close)(rebuy_importer *importer); /* safe at any point after open */
} rebuy_importer_api;

/* ---- analyzers ---------------------------------------------------------- */

typedef int32_t rebuy_metric_type;
enum { REBUY_METRIC_NUMBER = 1, REBUY_METRIC_LABEL = 2 };

typedef struct rebuy_metric {
  rebuy_str name; /* [a-z0-9_]+, unique within the analyzer */
  rebuy_str description;
  rebuy_metric_type type;
} rebuy_metric;

/* Token flags. */
#define REBUY_TOKEN_UPPER (1u << 0) /* every cased letter is upper case, at least two letters */

/* One word token of a prepared text (ICU word break, rule status >= 100). */
typedef struct rebuy_token {
  rebuy_str text;      /* the original bytes */
  rebuy_str key;       /* NFKC_Casefold lookup key */
  uint32_t offset;     /* byte offset of text in the prepared text */
  uint32_t sentence;   /* index of its sentence */
  int32_t rule_status; /* ICU rule status: 100-199 number, 200-299 letter, ... */
  uint32_t flags;
} rebuy_token;

typedef struct rebuy_sentence {
  rebuy_str text;
  uint32_t first_token;
  uint32_t token_count;
} rebuy_sentence;

/* A free-text field of a response, tokenised once by the host. */
typedef struct rebuy_text {
  rebuy_role role; /* REBUY_ROLE_TITLE or REBUY_ROLE_TEXT */
  rebuy_str name;
  rebuy_str text;
  const rebuy_sentence *sentences;
  size_t sentence_count;
  const rebuy_token *tokens;
  size_t token_count;
} rebuy_text;

typedef struct rebuy_response {
  int64_t id; /* the store's id; stable */
  rebuy_record_kind kind;
  const rebuy_field *fields; /* role fields; attributes too with REBUY_CAP_ANALYZER_ATTRIBUTES */
  size_t field_count;
  const rebuy_text *texts;
  size_t text_count;
} rebuy_response;

/* One score. value is NaN when the metric is a label only. */
typedef struct rebuy_score {
  size_t response_index; /* index into the batch passed to analyze_batch */
  uint32_t metric;       /* index into the analyzer's metrics */
  double value;
  rebuy_str label;
  rebuy_str evidence; /* e.g. the phrase that decided it; may be empty */
} rebuy_score;

typedef struct rebuy_scores {
  uint32_t struct_size;
  const rebuy_score *scores;
  size_t score_count;
} rebuy_scores;

typedef struct rebuy_analyzer rebuy_analyzer; /* opaque */

/* An analyzer object is used by one thread at a time; the host may create one
 * per worker thread. */
typedef struct rebuy_analyzer_api {
  uint32_t struct_size;
  const rebuy_metric *metrics;
  size_t metric_count;
  rebuy_status (*create)(const rebuy_host *host, const rebuy_option *options, size_t option_count,
                         rebuy_analyzer **out, rebuy_error_sink *errors);
  /* Scores are the analyzer's memory, valid until its next call. */
  rebuy_status (*analyze_batch)(rebuy_analyzer *analyzer, const rebuy_response *responses,
                                size_t count, rebuy_scores *out, rebuy_error_sink *errors);
  void (*destroy)(rebuy_analyzer *analyzer);
} rebuy_analyzer_api;

/* ---- the entry point ---------------------------------------------------- */

typedef struct rebuy_plugin_info {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor; /* the oldest minor it needs (REBUY_PLUGIN_MIN_ABI_MINOR), not its SDK's */
  rebuy_plugin_kind kind;
  rebuy_str id;          /* [a-z0-9_-]{1,32}, unique among loaded plugins */
  rebuy_str name;        /* human name */
  rebuy_str version;     /* the plugin's own version, e.g. "1.2.0" */
  rebuy_str description; /* one line */
  uint64_t capabilities;
  const rebuy_importer_api *importer; /* set when kind == REBUY_KIND_IMPORTER */
  const rebuy_analyzer_api *analyzer; /* set when kind == REBUY_KIND_ANALYZER */
} rebuy_plugin_info;

typedef const rebuy_plugin_info *(*rebuy_plugin_entry_fn)(void);

/* For plugins written in C: export the entry and carry the marker section.
 *   REBUY_MARKER();
 *   REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { ... }
 */
#if defined(__GNUC__) || defined(__clang__)
#define REBUY_EXPORT __attribute__((visibility("default")))
#define REBUY_MARKER()                                                                             \
  __attribute__((used, section(REBUY_MARKER_SECTION))) const char rebuy_plugin_marker[] =          \
      "rebuy plugin, ABI 1"
#else
#error "rebuy plugins need GCC or Clang (ELF sections and visibility)"
#endif

#ifdef __cplusplus
}
#endif

#endif /* REBUY_PLUGIN_ABI_H */
