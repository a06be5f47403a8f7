package vn.serviceindex.portal.ranking.domain;

/**
 * Where one unit stands in its newest period: its row on its peers' leaderboard and how many peers there are,
 * read as "9/17".
 */
public record UnitStanding(String period, PeerGroup peers, LeaderboardRow row, int peerCount) {
}
