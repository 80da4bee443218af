/**
 * Paged list answers: {@link dev.codespar.paging.Page}, one page that knows how to fetch the next, with lazy
 * auto-paging over every item.
 */
package dev.codespar.paging;
