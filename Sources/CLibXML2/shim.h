#include <libxml/xmlversion.h>
/* Foundation ships its own ICU module; keep the system ICU headers out of this module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
static inline void d2s_xml_free(void *p) { xmlFree(p); }
