/* table-tex.c: LaTeX tables for papers: booktabs, numbers aligned on the decimal point, readable
 * headers. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* Readable headers, '\n' where a long one may break into two lines, and
 * whether the column is a share or a balance (two decimals by default). */
typedef struct {
    const char *name, *title;
    bool share;
} column_title_t;

static const column_title_t TITLES[] = {
    {"id", "ID", false},
    {"name", "Name", false},
    {"kind", "Kind", false},
    {"role", "Role", false},
    {"year", "Year", false},
    {"focus", "Focus", false},
    {"pole", "Pole", false},
    {"layer", "Layer", false},
    {"relation", "Relation", false},
    {"degree", "Degree", false},
    {"strength", "Strength", false},
    {"betweenness", "Between-\nness", false},
    {"closeness", "Close-\nness", false},
    {"harmonic", "Har-\nmonic", false},
    {"eigenvector", "Eigen-\nvector", false},
    {"pagerank", "Page-\nRank", false},
    {"hub", "Hub", false},
    {"authority", "Autho-\nrity", false},
    {"coreness", "Core-\nness", false},
    {"constraint", "Con-\nstraint", false},
    {"katz", "Katz", false},
    {"community", "Com-\nmunity", false},
    {"stability", "Stab-\nility", true},
    {"direct", "Direct", true},
    {"reach", "Reach", true},
    {"brokerage", "Broker-\nage", true},
    {"alignment", "Align-\nment", true},
    {"index", "Index", true},
    {"balance", "Balance", true},
    {"balance_a", "Balance\nA", true},
    {"balance_b", "Balance\nB", true},
    {"delta", "Change", true},
    {"sign_agreement", "Sign\nagreement", true},
    {"share", "Share", true},
    {"contribution", "Contri-\nbution", true},
    {"part_of_layer", "Part of\nlayer", true},
    {"weight", "Weight", false},
    {"leading_pole", "Leading\npole", false},
    {"not_covered", "Not\ncovered", false},
    {"partial", "Partial", false},
    {"carried", "Carried", false},
    {"denominator", "Denom-\ninator", false},
    {"replicates", "Repli-\ncates", false},
    {"dropped", "Drop-\nped", false},
    {"interval_flag", "Interval\nflag", false},
    {"left_out", "Left out", false},
    {"modularity", "Modu-\nlarity", false},
    {"nmi", "NMI", true},
    {"vi", "VI", false},
    {"ari", "ARI", true},
};

/* The entry of name, or of its stem for name_lo and name_hi. */
static const column_title_t *title_of(const char *name, const char **suffix)
{
    *suffix = NULL;
    char *stem = g_strdup(name);
    size_t n = strlen(stem);
    if (n > 3 && (g_str_has_suffix(stem, "_lo") || g_str_has_suffix(stem, "_hi"))) {
        *suffix = g_str_has_suffix(stem, "_lo") ? "low" : "high";
        stem[n - 3] = 0;
    }
    const column_title_t *hit = NULL;
    for (size_t i = 0; !hit && i < G_N_ELEMENTS(TITLES); i++)
        if (strcmp(TITLES[i].name, stem) == 0)
            hit = &TITLES[i];
    g_free(stem);
    if (!hit)
        *suffix = NULL;
    return hit;
}

/* The title with its break marks: "Index\nlow" for index_lo. */
static char *title_text(const char *name)
{
    const char *suffix;
    const column_title_t *e = title_of(name, &suffix);
    if (e && suffix) {
        char *flat = g_strdup(e->title);
        for (char *p = flat; *p; p++)
            if (*p == '\n')
                *p = ' ';
        /* "Between-\nness" joined: drop the hyphen's break. */
        char **parts = g_strsplit(flat, "- ", -1);
        char *joined = g_strjoinv("", parts);
        g_strfreev(parts);
        g_free(flat);
        char *t = g_strdup_printf("%s\n%s", joined, suffix);
        g_free(joined);
        return t;
    }
    if (e)
        return g_strdup(e->title);
    /* A name it does not know: words on lines of up to 9 characters. */
    char **words = g_strsplit(name, "_", -1);
    GString *t = g_string_new(NULL);
    size_t line = 0;
    for (int i = 0; words[i]; i++) {
        size_t n = strlen(words[i]);
        if (i)
            g_string_append_c(t, line && line + 1 + n > 9 ? '\n' : ' ');
        line = t->len && t->str[t->len - 1] == '\n' ? 0 : line + (i ? 1 : 0);
        g_string_append(t, words[i]);
        line += n;
    }
    g_strfreev(words);
    if (t->len)
        t->str[0] = g_ascii_toupper(t->str[0]);
    return g_string_free(t, FALSE);
}

char *clout_column_title(const char *name)
{
    char *t = title_text(name);
    GString *s = g_string_new(NULL);
    for (const char *p = t; *p; p++) {
        if (*p == '\n' && p > t && p[-1] == '-')
            g_string_truncate(s, s->len - 1);
        else
            g_string_append_c(s, *p == '\n' ? ' ' : *p);
    }
    g_free(t);
    return g_string_free(s, FALSE);
}

/* Text with LaTeX's special characters escaped; breakable: a line may break
 * after ; , / and _ (names joined without spaces). */
static void tex_text(GString *out, const char *s, bool breakable)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '\\': g_string_append(out, "\\textbackslash{}"); break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            g_string_append_c(out, '\\');
            g_string_append_c(out, *p);
            break;
        case '~': g_string_append(out, "\\textasciitilde{}"); break;
        case '^': g_string_append(out, "\\textasciicircum{}"); break;
        case '<': g_string_append(out, "\\textless{}"); break;
        case '>': g_string_append(out, "\\textgreater{}"); break;
        case '|': g_string_append(out, "\\textbar{}"); break;
        default: g_string_append_c(out, (unsigned char)*p < 0x20 ? ' ' : *p);
        }
        if (breakable && strchr(";,/_", *p) && p[1] && p[1] != ' ')
            g_string_append(out, "\\allowbreak{}");
    }
}

/* Decimals for v: digits if given; else 2 in a share column, 3 significant
 * digits (no exponent: large numbers keep their whole part) otherwise. */
static int decimals_of(double v, int digits, bool share)
{
    if (digits >= 0)
        return digits;
    if (share)
        return 2;
    if (v == 0)
        return 0;
    int d = 2 - (int)floor(log10(fabs(v)));
    return CLAMP(d, 0, 12);
}

/* A number cell as "int & .frac" for an r@{}l column pair. */
static void tex_number(GString *out, double v, bool is_int, int digits, bool share)
{
    if (isnan(v)) {
        g_string_append(out, " & ");
        return;
    }
    if (isinf(v)) {
        g_string_append(out, v > 0 ? "\\multicolumn{2}{c}{$\\infty$}"
                                   : "\\multicolumn{2}{c}{$-\\infty$}");
        return;
    }
    char buf[G_ASCII_DTOSTR_BUF_SIZE + 16];
    bool whole = is_int || (!share && v == floor(v) && fabs(v) < 1e15);
    int dec = whole ? 0 : decimals_of(v, digits, share);
    char fmt[16];
    g_snprintf(fmt, sizeof fmt, "%%.%df", dec);
    g_ascii_formatd(buf, sizeof buf, fmt, v);
    const char *s = buf;
    if (s[0] == '-') {
        s++;
        /* -0.00 is 0.00: a rounded zero has no sign. */
        if (strspn(s, "0.") < strlen(s))
            g_string_append(out, "$-$");
    }
    const char *dot = strchr(s, '.');
    g_string_append_len(out, s, dot ? dot - s : (gssize)strlen(s));
    g_string_append(out, " & ");
    if (dot)
        g_string_append(out, dot);
}

/* Text columns whose longest cell is longer than this break in a \parbox
 * (\hspace{0pt} first, so that TeX may hyphenate the first word too). */
#define LONG_TEXT 16
/* Tables of more columns than this are set in \footnotesize. */
#define WIDE 10

static void tex_header(GString *out, const char *name, bool numeric, bool raw)
{
    char *t = raw ? g_strdup(name) : title_text(name);
    g_string_append(out, numeric ? "\\multicolumn{2}{c}{" : "");
    bool two = strchr(t, '\n') != NULL;
    if (two)
        g_string_append(out, numeric ? "\\shortstack{" : "\\shortstack[l]{");
    char **lines = g_strsplit(t, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        if (i)
            g_string_append(out, "\\\\");
        tex_text(out, lines[i], false);
    }
    g_strfreev(lines);
    g_string_append(out, two ? "}" : "");
    g_string_append(out, numeric ? "}" : "");
    g_free(t);
}

static bool share_column(const char *name)
{
    const char *suffix;
    const column_title_t *e = title_of(name, &suffix);
    return e && e->share;
}

/* The longest text in column c, in bytes. */
static size_t longest(const clout_table_t *t, int c)
{
    size_t m = 0;
    for (int r = 0; r < clout_table_n_rows(t); r++) {
        const char *s = clout_table_get_str(t, r, c);
        m = MAX(m, s ? strlen(s) : 0);
    }
    return m;
}

void cl_table_write_tex(GString *out, const clout_table_t *t, const clout_write_opts_t *o)
{
    int nc = clout_table_n_cols(t), nr = clout_table_n_rows(t);
    bool *numeric = g_new0(bool, nc), *wrap = g_new0(bool, nc), *share = g_new0(bool, nc);
    bool flt = (o->caption && *o->caption) || (o->label && *o->label);
    g_string_append_printf(out, "%% %s: clout table (needs \\usepackage{booktabs})\n",
                           clout_table_name(t));
    if (flt) {
        g_string_append(out, "\\begin{table}[htbp]\n\\centering\n");
        if (o->caption && *o->caption) {
            g_string_append(out, "\\caption{");
            tex_text(out, o->caption, false);
            g_string_append(out, "}\n");
        }
        if (o->label && *o->label)
            g_string_append_printf(out, "\\label{%s}\n", o->label);
    }
    /* Wide tables in a smaller size and with less space between columns. */
    bool wide = nc > WIDE;
    g_string_append_printf(out, "{%s\\setlength{\\tabcolsep}{%s}%%\n",
                           wide ? "\\footnotesize" : "\\small", wide ? "3pt" : "4pt");
    /* Measured, and scaled down to the line when wider (graphicx's \resizebox). */
    g_string_append(out, "\\setbox0=\\hbox{\\begin{tabular}{@{}");
    for (int c = 0; c < nc; c++) {
        numeric[c] = clout_table_column_type(t, c) != CLOUT_COL_STR;
        share[c] = share_column(clout_table_column_name(t, c));
        wrap[c] = !numeric[c] && longest(t, c) > LONG_TEXT;
        g_string_append(out, numeric[c] ? "r@{}l" : "l");
    }
    g_string_append(out, "@{}}\n\\toprule\n");
    for (int c = 0; c < nc; c++) {
        g_string_append(out, c ? " & " : "");
        tex_header(out, clout_table_column_name(t, c), numeric[c], o->raw_names);
    }
    g_string_append(out, " \\\\\n\\midrule\n");
    for (int r = 0; r < nr; r++) {
        for (int c = 0; c < nc; c++) {
            g_string_append(out, c ? " & " : "");
            if (numeric[c]) {
                tex_number(out, clout_table_get_num(t, r, c),
                           clout_table_column_type(t, c) == CLOUT_COL_INT, o->digits, share[c]);
                continue;
            }
            const char *s = clout_table_get_str(t, r, c);
            bool box = wrap[c] && s && strlen(s) > 11; /* wider than 1.8cm */
            g_string_append(out, box ? "\\parbox[t]{1.8cm}{\\raggedright\\hspace{0pt}" : "");
            tex_text(out, s ? s : "", box);
            g_string_append(out, box ? "}" : "");
        }
        g_string_append(out, " \\\\\n");
    }
    g_string_append(out, "\\bottomrule\n\\end{tabular}}%\n"
                         "\\ifdefined\\resizebox\\ifdim\\wd0>\\linewidth"
                         "\\resizebox{\\linewidth}{!}{\\box0}\\fi\\fi\n"
                         "\\ifvoid0\\else\\box0\\fi}\n");
    if (flt)
        g_string_append(out, "\\end{table}\n");
    g_free(numeric);
    g_free(wrap);
    g_free(share);
}
