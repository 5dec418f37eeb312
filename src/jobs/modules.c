/* modules.c -- load the stages build uses as modules: the print module and the Word edition. */
#include "util/util.h"
#include "word/word.h"
#include "jobs/jobs.h"

const struct pmod_table *
press_load(void)
{
	static struct mod	m = { PRESS_MODULE, PMOD_TABLE, MSG_PRESS, 0, NULL };

	return mod_load(&m);
}

const struct word_table *
word_load(void)
{
	static struct mod	m = { WORD_MODULE, WORD_TABLE, MSG_MOD_WORD,
				    0, NULL };

	return mod_load(&m);
}
