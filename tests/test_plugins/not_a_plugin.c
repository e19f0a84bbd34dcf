/* An ordinary shared library that happens to be named like a plugin. */
int not_a_plugin_answer(void) { return 42; }
