package io.commentflow.notification.subscription;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Addresses, follow-up subscriptions and post titles in PostgreSQL. Addresses arrive normalized (trimmed,
 * lower case). The address row is the lock that serializes decisions about one address.
 */
@Repository
class SubscriptionStore {

    enum Status { PENDING, CONFIRMED, UNSUBSCRIBED }

    enum ConfirmResult { CONFIRMED, ALREADY_CONFIRMED, EXPIRED_OR_CANCELLED }

    /** A subscription request whose confirmation email should go out (again, for a redelivered event). */
    record PendingRequest(UUID subscriptionId, UUID addressId, Instant expiresAt) {
    }

    /** One line of a reader's manage page. */
    record SubscriptionView(UUID postId, String title, String link, Status status) {
    }

    /** A post as a page names it. */
    record PostSummary(String title, String link) {
    }

    /** An address (normalized) that could hear about a post. */
    record PostAddress(UUID postId, String email) {
    }

    private record AddressRow(UUID id, boolean verified, boolean confirmationSent, boolean optedOut) {
    }

    private record SubscriptionRow(UUID id, Status status, UUID confirmationNotificationId, boolean expired) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SubscriptionStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Keeps the latest title and link of each post, for manage pages. Posts whose row says the same already are left
     * alone (not even locked): most notifications are about a post seen before.
     */
    void rememberPosts(Map<UUID, PostSummary> posts) {
        if (posts.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(new TreeSet<>(posts.keySet())); // rows locked in one order: no deadlock
        // each post looked up by its key (a subquery in the select list runs per row, on the index, however the
        // planner estimates the tables), so a batch costs what its posts cost
        jdbc.sql("""
                        insert into post_info (post_id, title, link, updated_at)
                        select p.post_id, p.title, p.link, now()
                          from (select p.*, (select i.title = p.title and i.link = p.link
                                               from post_info i where i.post_id = p.post_id) as same
                                  from unnest(:ids, :titles, :links) with ordinality as p(post_id, title, link, n)) as p
                         where p.same is not true
                         order by p.n
                        on conflict (post_id) do update set title = excluded.title, link = excluded.link,
                                                            updated_at = excluded.updated_at
                         where post_info.title is distinct from excluded.title
                            or post_info.link is distinct from excluded.link
                        """)
                .param("ids", new SqlArrayValue("uuid", ids.toArray()))
                .param("titles", new SqlArrayValue("text",
                        ids.stream().map(id -> truncate(posts.get(id).title(), 1000)).toArray()))
                .param("links", new SqlArrayValue("text",
                        ids.stream().map(id -> truncate(posts.get(id).link(), 2000)).toArray()))
                .update();
    }

    /**
     * The ids of post authors' addresses; post authors are known to post-service, so their address counts as
     * verified. One round trip, writing only where needed, each address looked up by its key: a verified address's
     * id, else the id of the row inserted or marked verified (a row another transaction committed since this
     * statement's snapshot conflicts and is updated, so exactly one branch returns it).
     */
    Map<String, UUID> postAuthorAddresses(Set<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(emails)); // rows locked in one order: no deadlock
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("""
                        with known as (
                            select i.id, i.email, i.n,
                                   (select a.id from subscriber_address a
                                     where a.email = i.email and a.verified_at is not null) as verified_id
                              from unnest(:ids, :emails) with ordinality as i(id, email, n)),
                        upserted as (
                            insert into subscriber_address (id, email, created_at, verified_at)
                            select k.id, k.email, now(), now() from known k where k.verified_id is null order by k.n
                            on conflict (email) do update set verified_at = coalesce(subscriber_address.verified_at, now())
                            returning email, id)
                        select email, verified_id from known where verified_id is not null
                        union all select email, id from upserted
                        """)
                .param("ids", new SqlArrayValue("uuid", sorted.stream().map(email -> UUID.randomUUID()).toArray()))
                .param("emails", new SqlArrayValue("text", sorted.toArray()))
                .query((ResultSet rs) -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

    /**
     * The confirmed subscribers of each post who have not opted out of everything: post → (address → id, sorted by
     * address); posts without any are missing.
     */
    Map<UUID, Map<String, UUID>> confirmedSubscribers(Collection<UUID> postIds) {
        Map<UUID, Map<String, UUID>> subscribers = new HashMap<>();
        if (postIds.isEmpty()) {
            return subscribers;
        }
        // post by post (offset 0 keeps the lateral subquery a per-post lookup on the index, however the planner
        // estimates the tables)
        jdbc.sql("""
                        select p.post_id, x.email, x.id
                          from unnest(:postIds) as p(post_id)
                         cross join lateral (select a.email, a.id
                                               from post_subscription s join subscriber_address a on a.id = s.address_id
                                              where s.post_id = p.post_id and s.status = 'CONFIRMED'
                                                and a.opted_out_at is null
                                             offset 0) as x
                         order by p.post_id, x.email
                        """)
                .param("postIds", new SqlArrayValue("uuid", postIds.toArray()))
                .query((ResultSet rs) -> {
                    subscribers.computeIfAbsent(rs.getObject(1, UUID.class), post -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getObject(3, UUID.class));
                });
        return subscribers;
    }

    /**
     * Those of the (post, address) pairs whose address opted out of everything or unsubscribed from the post, each
     * looked up by its key.
     */
    Set<PostAddress> mutedAmong(Collection<PostAddress> candidates) {
        Set<PostAddress> muted = new HashSet<>();
        if (candidates.isEmpty()) {
            return muted;
        }
        jdbc.sql("""
                        select m.post_id, m.email
                          from (select c.post_id, c.email,
                                       (select a.opted_out_at is not null
                                               or (select true from post_subscription s where s.post_id = c.post_id
                                                      and s.address_id = a.id and s.status = 'UNSUBSCRIBED') is not null
                                          from subscriber_address a where a.email = c.email) as muted
                                  from unnest(:postIds, :emails) as c(post_id, email)) as m
                         where m.muted
                        """)
                .param("postIds", new SqlArrayValue("uuid", candidates.stream().map(PostAddress::postId).toArray()))
                .param("emails", new SqlArrayValue("text", candidates.stream().map(PostAddress::email).toArray()))
                .query((ResultSet rs) -> {
                    muted.add(new PostAddress(rs.getObject(1, UUID.class), rs.getString(2)));
                });
        return muted;
    }

    boolean isMuted(UUID addressId, UUID postId) {
        return jdbc.sql("""
                        select count(*) from subscriber_address a
                         where a.id = :addressId
                           and (a.opted_out_at is not null
                                or exists (select 1 from post_subscription s where s.address_id = a.id
                                              and s.post_id = :postId and s.status = 'UNSUBSCRIBED'))
                        """)
                .param("addressId", addressId).param("postId", postId)
                .query(Long.class).single() > 0;
    }

    /**
     * Records that an address asked for follow-ups on a post, and says whether a confirmation email should go
     * out: yes for a new request (or a redelivery of the event that made it); no when the address is already
     * subscribed, has a request waiting, opted out of everything, or never confirmed an earlier request (an
     * address that never confirmed gets at most that one email). An address that confirmed before may ask
     * again for a post it left, or whose request expired.
     */
    Optional<PendingRequest> request(UUID postId, String email, UUID confirmationNotificationId, Duration lifetime) {
        return transactions.execute(tx -> {
            AddressRow address = lockAddress(email);
            if (address.optedOut()) {
                return Optional.<PendingRequest>empty();
            }
            Optional<SubscriptionRow> existing = jdbc.sql("""
                            select id, status, confirmation_notification_id, expires_at < now() as expired
                              from post_subscription where post_id = :postId and address_id = :addressId for update
                            """)
                    .param("postId", postId).param("addressId", address.id())
                    .query((rs, n) -> new SubscriptionRow(rs.getObject(1, UUID.class), Status.valueOf(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getBoolean(4)))
                    .optional();
            if (existing.isPresent()) {
                SubscriptionRow row = existing.get();
                if (row.status() == Status.PENDING && confirmationNotificationId.equals(row.confirmationNotificationId())) {
                    return Optional.of(pendingRequest(row.id(), address.id()));
                }
                boolean mayAskAgain = address.verified()
                        && (row.status() == Status.UNSUBSCRIBED || (row.status() == Status.PENDING && row.expired()));
                if (!mayAskAgain) {
                    return Optional.<PendingRequest>empty();
                }
                jdbc.sql("""
                                update post_subscription
                                   set status = 'PENDING', requested_at = now(),
                                       expires_at = now() + (:seconds * interval '1 second'),
                                       confirmation_notification_id = :confirmationId, unsubscribed_at = null
                                 where id = :id
                                """)
                        .param("seconds", lifetime.toSeconds()).param("confirmationId", confirmationNotificationId)
                        .param("id", row.id())
                        .update();
                return Optional.of(pendingRequest(row.id(), address.id()));
            }
            if (!address.verified() && address.confirmationSent()) {
                return Optional.<PendingRequest>empty();
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into post_subscription (id, post_id, address_id, status, requested_at, expires_at,
                                                           confirmation_notification_id)
                            values (:id, :postId, :addressId, 'PENDING', now(), now() + (:seconds * interval '1 second'),
                                    :confirmationId)
                            """)
                    .param("id", id).param("postId", postId).param("addressId", address.id())
                    .param("seconds", lifetime.toSeconds()).param("confirmationId", confirmationNotificationId)
                    .update();
            jdbc.sql("update subscriber_address set confirmation_sent_at = coalesce(confirmation_sent_at, now()) where id = :id")
                    .param("id", address.id()).update();
            return Optional.of(pendingRequest(id, address.id()));
        });
    }

    /** Confirms a waiting request, if it has not expired or been cancelled; the address counts as verified then. */
    ConfirmResult confirm(UUID subscriptionId) {
        return transactions.execute(tx -> {
            Optional<UUID> addressId = jdbc.sql("""
                            update post_subscription set status = 'CONFIRMED', confirmed_at = now(), expires_at = null
                             where id = :id and status = 'PENDING' and expires_at > now()
                            returning address_id
                            """)
                    .param("id", subscriptionId).query(UUID.class).optional();
            if (addressId.isPresent()) {
                jdbc.sql("update subscriber_address set verified_at = coalesce(verified_at, now()) where id = :id")
                        .param("id", addressId.get()).update();
                return ConfirmResult.CONFIRMED;
            }
            Optional<String> status = jdbc.sql("select status from post_subscription where id = :id")
                    .param("id", subscriptionId).query(String.class).optional();
            return status.filter("CONFIRMED"::equals).isPresent()
                    ? ConfirmResult.ALREADY_CONFIRMED : ConfirmResult.EXPIRED_OR_CANCELLED;
        });
    }

    /** Unsubscribes an address from one post (also mutes a post author's emails about it); false if the address is unknown. */
    boolean unsubscribe(UUID addressId, UUID postId) {
        return jdbc.sql("""
                        insert into post_subscription (id, post_id, address_id, status, requested_at, unsubscribed_at)
                        select :id, :postId, a.id, 'UNSUBSCRIBED', now(), now() from subscriber_address a where a.id = :addressId
                        on conflict (post_id, address_id) do update
                           set status = 'UNSUBSCRIBED', unsubscribed_at = now(), expires_at = null
                         where post_subscription.status <> 'UNSUBSCRIBED'
                        """)
                .param("id", UUID.randomUUID()).param("postId", postId).param("addressId", addressId)
                .update() > 0 || exists(addressId);
    }

    /** Stops every email to the address, and ends all its subscriptions and waiting requests. */
    boolean unsubscribeAll(UUID addressId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            int rows = jdbc.sql("update subscriber_address set opted_out_at = coalesce(opted_out_at, now()) where id = :id")
                    .param("id", addressId).update();
            jdbc.sql("""
                            update post_subscription set status = 'UNSUBSCRIBED', unsubscribed_at = now(), expires_at = null
                             where address_id = :id and status <> 'UNSUBSCRIBED'
                            """)
                    .param("id", addressId).update();
            return rows > 0;
        }));
    }

    /** Allows emails to the address again (its subscriptions stay as they are). */
    void allowEmails(UUID addressId) {
        jdbc.sql("update subscriber_address set opted_out_at = null where id = :id").param("id", addressId).update();
    }

    /** Subscribes again to a post the reader left, from their manage page (the magic link proved the address). */
    void resubscribe(UUID addressId, UUID postId) {
        jdbc.sql("""
                        update post_subscription set status = 'CONFIRMED', confirmed_at = now(), expires_at = null,
                                                     unsubscribed_at = null
                         where address_id = :addressId and post_id = :postId and status = 'UNSUBSCRIBED'
                           and exists (select 1 from subscriber_address a where a.id = :addressId and a.opted_out_at is null)
                        """)
                .param("addressId", addressId).param("postId", postId).update();
        jdbc.sql("update subscriber_address set verified_at = coalesce(verified_at, now()) where id = :id")
                .param("id", addressId).update();
    }

    List<SubscriptionView> subscriptionsOf(UUID addressId) {
        return jdbc.sql("""
                        select s.post_id, coalesce(p.title, ''), coalesce(p.link, ''), s.status
                          from post_subscription s left join post_info p on p.post_id = s.post_id
                         where s.address_id = :addressId
                         order by lower(coalesce(p.title, '')), s.post_id
                        """)
                .param("addressId", addressId)
                .query((rs, n) -> new SubscriptionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Status.valueOf(rs.getString(4))))
                .list();
    }

    Optional<PostSummary> postOfSubscription(UUID subscriptionId) {
        return jdbc.sql("""
                        select coalesce(p.title, ''), coalesce(p.link, '')
                          from post_subscription s left join post_info p on p.post_id = s.post_id where s.id = :id
                        """)
                .param("id", subscriptionId)
                .query((rs, n) -> new PostSummary(rs.getString(1), rs.getString(2))).optional();
    }

    PostSummary post(UUID postId) {
        return jdbc.sql("select title, link from post_info where post_id = :id")
                .param("id", postId)
                .query((rs, n) -> new PostSummary(rs.getString(1), rs.getString(2))).optional()
                .orElse(new PostSummary("", ""));
    }

    boolean isOptedOut(UUID addressId) {
        return jdbc.sql("select count(*) from subscriber_address where id = :id and opted_out_at is not null")
                .param("id", addressId).query(Long.class).single() > 0;
    }

    boolean exists(UUID addressId) {
        return jdbc.sql("select count(*) from subscriber_address where id = :id")
                .param("id", addressId).query(Long.class).single() > 0;
    }

    /**
     * Takes the right to email a manage link to a known, verified address, at most once per interval;
     * empty when the address is unknown, unverified or was sent one recently.
     */
    Optional<UUID> claimManageLink(String email, Duration interval) {
        return jdbc.sql("""
                        update subscriber_address set manage_link_sent_at = now()
                         where email = :email and verified_at is not null
                           and (manage_link_sent_at is null
                                or manage_link_sent_at < now() - (:seconds * interval '1 second'))
                        returning id
                        """)
                .param("email", email).param("seconds", interval.toSeconds())
                .query(UUID.class).optional();
    }

    /** Deletes requests nobody confirmed in time; the address row remembers that it got its one email. */
    int deleteExpiredRequests() {
        return jdbc.sql("delete from post_subscription where status = 'PENDING' and expires_at < now()").update();
    }

    private AddressRow lockAddress(String email) {
        // the upsert takes the row lock, so concurrent requests for one address are decided one after the other
        return jdbc.sql("""
                        insert into subscriber_address (id, email, created_at) values (:id, :email, now())
                        on conflict (email) do update set email = excluded.email
                        returning id, verified_at is not null, confirmation_sent_at is not null, opted_out_at is not null
                        """)
                .param("id", UUID.randomUUID()).param("email", email)
                .query((rs, n) -> new AddressRow(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .single();
    }

    private PendingRequest pendingRequest(UUID subscriptionId, UUID addressId) {
        OffsetDateTime expires = jdbc.sql("select expires_at from post_subscription where id = :id")
                .param("id", subscriptionId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
        return new PendingRequest(subscriptionId, addressId, expires.toInstant());
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
