package dev.debrief.domain.deal;

/** Risks taken on purpose: losses on such deals are the price of growth, not a failure of the rep. */
public enum RiskTag {
    NEW_MARKET, BIGGER_DEAL, NEW_PRODUCT_LINE
}
