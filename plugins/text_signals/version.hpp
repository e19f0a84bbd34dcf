#pragma once
// The plugin's version, stored with every score it makes. Bump it whenever a lexicon or a rule
// changes: `rebuy analyze` then re-scores, and reports can tell old scores from new ones.
// tests/version_test.cpp pins the lexicons' fingerprint to this version.

namespace rebuy::text_signals {

inline constexpr const char *version = "1.2.0";

} // namespace rebuy::text_signals
