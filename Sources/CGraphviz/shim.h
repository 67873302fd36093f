// The slice of Graphviz's C API that Slipway uses (libgvc + libcgraph, 2.42+).
//
// Why a shim: Swift 6 refuses the C global `Agdirected` as shared mutable state,
// and cgraph declares `char *` where it only reads, so these wrappers read the
// global inside an inline function and take `const char *`.
#ifndef SLIPWAY_CGRAPHVIZ_SHIM_H
#define SLIPWAY_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/*
 * Object ids in creation order. cgraph's default id discipline uses the address
 * of a name's interned string as the object's id, and keeps subgraphs ordered
 * by id: the order of clusters, in the DOT output and in the layout, then
 * depends on where malloc put those strings, and changes from run to run. This
 * discipline maps no names itself (returning 0 sends names to cgraph's internal
 * name map), and gives every new object the next odd number, as the default
 * does for anonymous objects.
 */
static void *slipway_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g;
    (void)disc;
    IDTYPE *next = malloc(sizeof *next);
    if (next != NULL) *next = 1;
    return next;
}

static long slipway_id_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
    (void)objtype;
    if (name != NULL || !create || state == NULL) return 0;
    IDTYPE *next = state;
    *id = *next;
    *next += 2;
    return 1;
}

static long slipway_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0;
}

static void slipway_id_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
}

static char *slipway_id_print(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
    return NULL;
}

static void slipway_id_close(void *state) { free(state); }

static void slipway_id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

static Agiddisc_t slipway_sequential_ids = {
    slipway_id_open, slipway_id_map, slipway_id_alloc, slipway_id_free,
    slipway_id_print, slipway_id_close, slipway_id_register,
};

/// A directed graph whose objects are ordered by creation (see above).
static inline Agraph_t *slipway_agopen_directed(const char *name) {
    static Agdisc_t discipline;
    discipline.mem = &AgMemDisc;
    discipline.id = &slipway_sequential_ids;
    discipline.io = &AgIoDisc;
    return agopen((char *)name, Agdirected, &discipline);
}

static inline Agraph_t *slipway_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}

static inline Agnode_t *slipway_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

static inline Agedge_t *slipway_agedge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

/// Sets an attribute on a graph, node or edge, declaring it (default "") if needed.
static inline int slipway_agsafeset(void *object, const char *name, const char *value) {
    return agsafeset(object, (char *)name, (char *)value, "");
}

/// Sets an HTML-like label (`<...>` in DOT): the string must be marked as HTML
/// in cgraph's string pool, so it is interned with `agstrdup_html` first.
static inline int slipway_agsafeset_html(Agraph_t *root, void *object, const char *name, const char *html) {
    char *interned = agstrdup_html(root, (char *)html);
    int result = agsafeset(object, (char *)name, interned, "");
    agstrfree(root, interned);
    return result;
}

/// Declares an attribute for every graph, node or edge (`kind`: AGRAPH, AGNODE,
/// AGEDGE) of `g` with a default value.
static inline void slipway_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    agattr(g, kind, (char *)name, (char *)value);
}

static inline int slipway_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, (char *)engine);
}

static inline int slipway_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, (char *)format, result, length);
}

/// The graph as DOT text, without layout, in a malloc'ed buffer the caller frees;
/// NULL on failure. cgraph writes only to a channel, so the channel is a memory stream.
static inline char *slipway_agwrite_string(Agraph_t *g, size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (stream == NULL) return NULL;
    int result = agwrite(g, stream);
    if (fclose(stream) != 0 || result != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}

#endif
