/**
 * Server-side Inbox rules as the store keeps them (PR_RULES_DATA, written by {@code RuleSet} as
 * XML of these classes, so their field names are the stored format) and the delivery pipeline
 * runs them. SOAP maps its wire types of the same shape at its edge.
 */
package org.zcp.store.api.rules;
