/* fix.c -- `jianbao check --fix`: the repairs of issue text that need no judgement. */
#include "fix.h"

int
fix_main(const char *series, int nfiles, char **files, int dry_run)
{
	return 0;
}
