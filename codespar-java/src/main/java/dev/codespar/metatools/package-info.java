/**
 * The typed meta-tools ({@code codespar_charge}, {@code codespar_ship}, {@code codespar_ledger}, {@code codespar_issue},
 * {@code codespar_shop}, {@code codespar_discover}, {@code codespar_manage_connections}): typed parameters checked
 * before the network, and typed outputs. Start from {@link dev.codespar.metatools.MetaTools#of}.
 */
package dev.codespar.metatools;
