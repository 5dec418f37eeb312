/* harness.h -- a tiny assertion harness for the unit tests; prints TAP-style lines. */
#ifndef JIANBAO_HARNESS_H
#define JIANBAO_HARNESS_H

#include <stdio.h>
#include <string.h>

extern int	 harness_failed;

#define OK(cond, name) do {						\
	if (cond)							\
		printf("ok - %s\n", (name));				\
	else {								\
		printf("not ok - %s (%s:%d)\n", (name), __FILE__, __LINE__); \
		harness_failed++;					\
	}								\
} while (0)

#define INT_EQ(got, want, name) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	OK(g_ == w_, (name));						\
	if (g_ != w_)							\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define STR_EQ(got, want, name) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int eq_ = (g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	OK(eq_, (name));						\
	if (!eq_)							\
		printf("#   got \"%s\", want \"%s\"\n", g_ ? g_ : "(null)", \
		    w_ ? w_ : "(null)");				\
} while (0)

#endif
