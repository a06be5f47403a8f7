package vn.serviceindex.portal.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.campaign.domain.PlanMoved;
import vn.serviceindex.portal.notification.domain.NewNotification;
import vn.serviceindex.portal.notification.domain.NotificationArgument;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.result.domain.ResultsImported;

/**
 * Notifies the people concerned when a plan moves or results come in. The listeners run inside the transaction that
 * moved the plan or stored the import, so the notifications commit (or roll back) with it; the campaign and the
 * results know nothing of them.
 */
@Component
class NotificationEvents {

    private final NotificationService notifications;
    private final NotificationRepository repository;
    private final SystemWork systemWork;

    NotificationEvents(NotificationService notifications, NotificationRepository repository, SystemWork systemWork) {
        this.notifications = notifications;
        this.repository = repository;
        this.systemWork = systemWork;
    }

    /** Submitted: the province's monitors; approved, returned or reopened: the unit's editors. Never the actor. */
    @EventListener
    void planMoved(PlanMoved moved) {
        NotificationKind kind = switch (moved.action()) {
            case SUBMIT -> NotificationKind.PLAN_SUBMITTED;
            case APPROVE -> NotificationKind.PLAN_APPROVED;
            case RETURN -> NotificationKind.PLAN_RETURNED;
            case REOPEN -> NotificationKind.PLAN_REOPENED;
            case WITHDRAW -> null;
        };
        if (kind == null) {
            return;
        }
        record Recipients(String unitName, List<Long> accounts) {
        }
        Recipients recipients = systemWork.run("who is told of a plan's move", () -> new Recipients(
                repository.unitName(moved.unitId()).orElse(""),
                kind == NotificationKind.PLAN_SUBMITTED ? repository.monitorsOf(moved.unitId())
                        : repository.editorsOf(moved.unitId())));
        List<Long> accounts = new ArrayList<>(recipients.accounts());
        accounts.remove(moved.actorId());
        List<String> arguments = new ArrayList<>(List.of(NotificationArgument.text(recipients.unitName()),
                NotificationArgument.text(moved.planTitle())));
        if (kind == NotificationKind.PLAN_RETURNED || kind == NotificationKind.PLAN_REOPENED) {
            arguments.add(NotificationArgument.text(moved.comment()));
        }
        notifications.deliver(accounts, new NewNotification(kind, moved.unitId(),
                "campaigns/" + moved.campaignId() + "/plans/" + moved.unitId(), arguments, null));
    }

    /**
     * New results: each editor of the units imported gets one notification per import, naming the first of their
     * units (by the tree's order) and how many of theirs it brought.
     */
    @EventListener
    void resultsImported(ResultsImported imported) {
        Map<Long, List<NotificationRepository.UnitRow>> byEditor = systemWork.run("who is told of new results",
                () -> {
                    Map<Long, List<NotificationRepository.UnitRow>> found = new LinkedHashMap<>();
                    for (NotificationRepository.UnitRow unit : repository.units(imported.unitIds())) {
                        for (long editor : repository.editorsOf(unit.id())) {
                            found.computeIfAbsent(editor, e -> new ArrayList<>()).add(unit);
                        }
                    }
                    return found;
                });
        byEditor.remove(imported.actorId());
        String periods = String.join(", ", imported.periods().stream().sorted().toList());
        byEditor.forEach((editor, units) -> {
            NotificationRepository.UnitRow first = units.getFirst();
            notifications.deliver(List.of(editor), new NewNotification(NotificationKind.RESULTS_IMPORTED,
                    first.id(), "results/" + first.id(), List.of(NotificationArgument.text(first.name()),
                    NotificationArgument.text(periods), NotificationArgument.text(Integer.toString(units.size())),
                    NotificationArgument.text(imported.fileName())), null));
        });
    }
}
