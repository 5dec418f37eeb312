/* new.h -- `jianbao new`: start the next issue file from the latest one. */
#ifndef JIANBAO_NEW_H
#define JIANBAO_NEW_H

/*
 * Run `jianbao new [--date YYYY-MM-DD] [--series FILE]` with the arguments
 * after the command name: write issues/YYYY/NN.md for the next 期号 of
 * the year (1 in a new year), 总期号 + 1, the given date or today
 * (SOURCE_DATE_EPOCH when set), 分送 and 署名 as the latest issue wrote
 * them, and an example article; print its path.  An existing file is
 * never overwritten.  Returns the exit status: 0, 1 on error, 2 for a bad
 * command line.
 */
int	 new_main(int argc, char **argv);

#endif
