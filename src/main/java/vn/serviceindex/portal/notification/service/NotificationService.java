package vn.serviceindex.portal.notification.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.notification.domain.NewNotification;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.domain.NotificationChoices;
import vn.serviceindex.portal.notification.domain.NotificationKind;
import vn.serviceindex.portal.notification.domain.NotificationsCreated;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * The logged-in account's inbox and choices, and the one way notifications get into inboxes ({@link #deliver}).
 * An account reads, marks and chooses only for itself: the service asks for nothing else, and the database walls
 * every other account's rows away (V21).
 */
@Service
@Transactional
public class NotificationService {

    /** The largest page the inbox and the API serve. */
    public static final int MAX_PAGE = 100;

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final PortalCalendar calendar;
    private final SystemWork systemWork;
    private final ApplicationEventPublisher events;

    NotificationService(NotificationRepository notifications, CurrentUser currentUser, PortalCalendar calendar,
                        SystemWork systemWork, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.systemWork = systemWork;
        this.events = events;
    }

    /** One page of the account's notifications, newest first; only the unread ones with {@code unreadOnly}. */
    @Transactional(readOnly = true)
    public List<Notification> inbox(boolean unreadOnly, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range: " + offset + ", " + limit);
        }
        return notifications.inbox(me(), unreadOnly, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(boolean unreadOnly) {
        return notifications.count(me(), unreadOnly);
    }

    /** What the bell shows. */
    @Transactional(readOnly = true)
    public int unreadCount() {
        return currentUser.get().map(user -> notifications.count(user.accountId(), true)).orElse(0);
    }

    /**
     * Marks one of the account's notifications as read; one already read stays as it was.
     *
     * @throws UserError {@code notification.error.notFound} for a notification that is not the account's
     */
    public void markRead(long notificationId) {
        long me = me();
        if (!notifications.has(me, notificationId)) {
            throw new UserError("notification.error.notFound");
        }
        notifications.markRead(me, notificationId, calendar.now());
    }

    /** Marks every unread notification of the account as read; returns how many. */
    public int markAllRead() {
        return notifications.markRead(me(), null, calendar.now());
    }

    @Transactional(readOnly = true)
    public NotificationChoices choices() {
        return notifications.choices(me()).orElse(NotificationChoices.DEFAULT);
    }

    /**
     * Saves what the account receives.
     *
     * @throws UserError see {@link NotificationChoices#entered}; nothing is saved then
     */
    public NotificationChoices saveChoices(Set<NotificationKind> muted, boolean dailyDigest, String email) {
        NotificationChoices choices = NotificationChoices.entered(muted, dailyDigest, email);
        notifications.saveChoices(me(), choices, calendar.now());
        return choices;
    }

    /**
     * Puts the notification into the accounts' inboxes, as system work: the one writing is rarely the one notified.
     * Accounts that muted its kind are left out, and so are those that already hold one about the same thing. Once
     * the transaction commits, {@link NotificationsCreated} names the accounts that got it.
     *
     * @return the accounts that got it
     */
    Set<Long> deliver(Collection<Long> accountIds, NewNotification notification) {
        Set<Long> reached = systemWork.run("notifications into other accounts' inboxes",
                () -> notifications.insert(accountIds, notification, calendar.now()));
        announceAfterCommit(reached);
        return reached;
    }

    private static final Object PENDING = new Object();

    /** One event per transaction, naming every account it reached, once the transaction has committed. */
    @SuppressWarnings("unchecked")
    private void announceAfterCommit(Set<Long> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new NotificationsCreated(accounts));
            return;
        }
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<Long> collected = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(new NotificationsCreated(collected));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = collected;
        }
        pending.addAll(accounts);
    }

    /** The signed-in account's id, so that a screen can tell which announced notifications are its own. */
    public long currentAccountId() {
        return me();
    }

    private long me() {
        return currentUser.require().accountId();
    }
}
