/* util.c: strict parsers for numbers, years and lists. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

bool clout_parse_double(const char *s, double *v)
{
    if (!s || !*s || g_ascii_isspace(*s))
        return false;
    char *end;
    errno = 0;
    double d = g_ascii_strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(d))
        return false;
    /* strtod accepts "inf", "nan" and hex floats; a data cell should not. */
    for (const char *p = s; *p; p++)
        if (!strchr("0123456789+-.eE", *p))
            return false;
    *v = d;
    return true;
}

bool clout_parse_long(const char *s, long *v)
{
    if (!s || !*s || g_ascii_isspace(*s))
        return false;
    char *end;
    errno = 0;
    long l = strtol(s, &end, 10);
    if (*end || errno == ERANGE)
        return false;
    *v = l;
    return true;
}

static bool all_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!g_ascii_isdigit(s[i]))
            return false;
    return true;
}

bool clout_parse_year(const char *s, int *year)
{
    size_t n = strlen(s);
    if ((n != 4 && n != 10) || !all_digits(s, 4))
        return false;
    int y = atoi(s); /* four digits: no overflow */
    if (y < CLOUT_YEAR_MIN || y > CLOUT_YEAR_MAX)
        return false;
    if (n == 10) {
        if (s[4] != '-' || s[7] != '-' || !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
            return false;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
            return false;
    }
    *year = y;
    return true;
}

char **clout_split_list(const char *s, char sep)
{
    char delim[2] = {sep, 0};
    char **parts = g_strsplit(s ? s : "", delim, -1);
    GPtrArray *out = g_ptr_array_new();
    for (char **p = parts; *p; p++) {
        char *t = g_strstrip(g_strdup(*p));
        if (*t)
            g_ptr_array_add(out, t);
        else
            g_free(t);
    }
    g_strfreev(parts);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

void clout_strv_free(char **v)
{
    g_strfreev(v);
}

bool clout_parse_number(const char *s, double *v)
{
    return clout_parse_double(s, v);
}
