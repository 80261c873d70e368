#ifndef PARAGRAF_CLIBXML2_SHIM_H
#define PARAGRAF_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's encoding.h pulls in the system ICU headers when built with ICU; they clash with the ICU
   copy inside Foundation (same names, different enum members). Paragraf never touches the ICU fields
   of xmlCharEncodingHandler (it only passes pointers to it), so hide them. */
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/SAX2.h>

/* xmlFree is a global function-pointer variable; Swift 6 sees it as shared mutable state. */
static inline void paragraf_xml_free(void *p) { xmlFree(p); }
#endif
