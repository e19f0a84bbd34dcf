/* An importer built against another ABI minor than the host's, for the loader
 * tests of both directions (sdk/ABI.md, "Versioning"). With
 *   OLDER:        built against 1.0: needs minor 0, and its rebuy_source_info
 *                 ends before 1.1's notes, so it writes only that much;
 *   NEWER:        built against a future minor: its plugin info and importer
 *                 table are longer than the host's, yet it needs minor 1 only;
 *   NEEDS_NEWER:  needs the minor after the host's.
 * It reads nothing: one column, then the end. */
#include <rebuy/plugin_abi.h>

#include <stddef.h>
#include <string.h>

REBUY_MARKER();

#if defined(OLDER)
#define ID "older_minor"
#define NEEDS 0
#elif defined(NEWER)
#define ID "newer_minor"
#define NEEDS 1
#elif defined(NEEDS_NEWER)
#define ID "needs_newer_minor"
#define NEEDS (REBUY_ABI_MINOR + 1)
#endif

static int32_t probe(rebuy_str head, rebuy_str name) {
  (void)head;
  (void)name;
  return 0;
}

static char object;

static rebuy_status open_input(const rebuy_host *host, const rebuy_input *input,
                               const rebuy_option *options, size_t count, rebuy_importer **out,
                               rebuy_error_sink *errors) {
  (void)host, (void)input, (void)options, (void)count, (void)errors;
  *out = (rebuy_importer *)&object;
  return REBUY_OK;
}

static const rebuy_column columns[] = {{{"comment", 7}, REBUY_ROLE_TEXT}};
static const rebuy_column_note notes[] = {{{"1-5", 3}, {"", 0}, {"", 0}, {"", 0}}};

static rebuy_status describe(rebuy_importer *importer, rebuy_source_info *out,
                             rebuy_error_sink *errors) {
  (void)importer, (void)errors;
  rebuy_source_info info;
  memset(&info, 0, sizeof info);
  info.source = (rebuy_str){ID, sizeof ID - 1};
  info.kind = REBUY_RECORD_SURVEY;
  info.columns = columns;
  info.column_count = 1;
  info.column_notes = notes; /* past a 1.0 struct: never written there */
  info.note = (rebuy_str){"a note", 6};
#if defined(OLDER)
  size_t size = offsetof(rebuy_source_info, column_notes); /* what 1.0 had */
#else
  size_t size = sizeof info;
#endif
  if (out->struct_size < size) size = out->struct_size;
  info.struct_size = (uint32_t)size;
  memcpy(out, &info, size);
  return REBUY_OK;
}

static rebuy_status read_batch(rebuy_importer *importer, size_t max, rebuy_batch *out,
                               rebuy_error_sink *errors) {
  (void)importer, (void)max, (void)out, (void)errors;
  return REBUY_END;
}

static void close_input(rebuy_importer *importer) { (void)importer; }

#if defined(NEWER)
/* What a later minor might have appended to each. */
static const struct {
  rebuy_importer_api api;
  void (*added_later)(void);
} api = {{sizeof api, probe, open_input, describe, read_batch, close_input}, 0};
static const struct {
  rebuy_plugin_info info;
  uint64_t added_later;
} info = {{sizeof info,
           REBUY_ABI_MAJOR,
           NEEDS,
           REBUY_KIND_IMPORTER,
           {ID, sizeof ID - 1},
           {"Other minor", 11},
           {"1.0.0", 5},
           {"", 0},
           0,
           &api.api,
           0},
          42};
REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return &info.info; }
#else
static const rebuy_importer_api api = {sizeof api, probe,      open_input,
                                       describe,   read_batch, close_input};
static const rebuy_plugin_info info = {sizeof info,
                                       REBUY_ABI_MAJOR,
                                       NEEDS,
                                       REBUY_KIND_IMPORTER,
                                       {ID, sizeof ID - 1},
                                       {"Other minor", 11},
                                       {"1.0.0", 5},
                                       {"", 0},
                                       0,
                                       &api,
                                       0};
REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return &info; }
#endif
