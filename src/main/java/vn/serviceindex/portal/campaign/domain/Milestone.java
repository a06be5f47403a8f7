package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;

/** A check the province makes on an explicit date: "Kiểm tra sau 50 ngày" on 10-05-2024. */
public record Milestone(String name, LocalDate date) {
}
