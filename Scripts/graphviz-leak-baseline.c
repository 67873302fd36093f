/*
 * Graphviz's own leaks, to judge Slipway's against: reads a DOT file and lays it
 * out and renders it as SVG N times in one process, freeing everything the API
 * lets a program free (gvFreeLayout, agclose, gvFreeRenderData, gvFreeContext).
 * What valgrind still reports lost is Graphviz's, not the caller's.
 *
 *   cc graphviz-leak-baseline.c $(pkg-config --cflags --libs libgvc) -o baseline
 *   valgrind --leak-check=full ./baseline output/aws-migration-network.dot 100
 */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE.dot COUNT\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "r");
    if (file == NULL) {
        perror(argv[1]);
        return 2;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, file) != (size_t)size) return 2;
    text[size] = '\0';
    fclose(file);

    GVC_t *gvc = gvContext();
    int count = atoi(argv[2]);
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        Agraph_t *g = agmemread(text);
        if (g == NULL) return 1;
        gvLayout(gvc, g, "dot");
        char *buffer = NULL;
        unsigned int length = 0;
        if (gvRenderData(gvc, g, "svg", &buffer, &length) != 0) return 1;
        total += length;
        gvFreeRenderData(buffer);
        gvFreeLayout(gvc, g);
        agclose(g);
    }
    free(text);
    printf("%d renders, %zu bytes of SVG\n", count, total);
    return gvFreeContext(gvc);
}
