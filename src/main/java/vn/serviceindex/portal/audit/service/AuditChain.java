package vn.serviceindex.portal.audit.service;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.audit.domain.AuditKey;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.ChainVerdict.Problem;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.domain.SealText;
import vn.serviceindex.portal.audit.service.AuditChainRepository.Head;
import vn.serviceindex.portal.audit.service.AuditChainRepository.PendingLink;
import vn.serviceindex.portal.audit.service.AuditChainRepository.SealedLink;
import vn.serviceindex.portal.audit.service.AuditChainRepository.StoredRecord;
import vn.serviceindex.portal.base.database.InstallationJobs;
import vn.serviceindex.portal.base.database.SystemWork;

/**
 * Seals the change history with the audit key and checks it. The database triggers append records and one link per
 * transaction without any lock; this service, a few seconds later (and before every check, checkpoint or export),
 * seals the committed links in order under one advisory lock: each record gets a keyed tag, each link a keyed MAC
 * over its position, its records' ids and tags and the MAC of the link before it. A signed checkpoint of the head
 * goes to a file beside the data, regularly, on demand and at shutdown, so that a cut end is noticed too.
 * Not scoped: callers check who may ask ({@link AuditService}).
 *
 * <p>The chain runs through every unit's records, and the sealer runs in the background with nobody logged in, whom
 * the database's walls between units (V16) let see nothing: every transaction here is {@link SystemWork}. An auditor
 * who asks for the check learns the verdict and the first broken record's id, never another unit's records.
 */
@Service
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    static final String NO_MAC = "0".repeat(64);
    private static final int BATCH = 200;

    private final AuditChainRepository chain;
    private final AuditKey key;
    private final CheckpointFile checkpoints;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final SystemWork systemWork;
    private final InstallationJobs jobs;
    private final Clock clock;
    private final boolean background;
    private final Duration checkpointInterval;
    /** Unreadable links already logged, so that the sealer's round every few seconds does not repeat them. */
    private final java.util.Set<Long> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    AuditChain(AuditChainRepository chain, AuditKey key, CheckpointFile checkpoints,
               PlatformTransactionManager transactions, SystemWork systemWork, InstallationJobs jobs, Clock clock,
               @Value("${portal.audit.background:true}") boolean background,
               @Value("${portal.audit.checkpoint-interval:PT15M}") Duration checkpointInterval) {
        this.chain = chain;
        this.key = key;
        this.checkpoints = checkpoints;
        this.writing = new TransactionTemplate(transactions);
        writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        reading.setReadOnly(true);
        this.systemWork = systemWork;
        this.jobs = jobs;
        this.clock = clock;
        this.background = background;
        this.checkpointInterval = checkpointInterval;
    }

    /** Seals every committed link not sealed yet, in order; returns how many. */
    public int seal() {
        Integer sealed = writing.execute(status -> systemWork.run("audit chain sealing", () -> {
            if (!chain.anyPending()) {
                return 0;
            }
            chain.lockChain();
            Head head = chain.head();
            int count = 0;
            List<Long> unreadable = new ArrayList<>();
            List<PendingLink> pending;
            do {
                pending = chain.pending(BATCH, unreadable);
                Map<Long, List<StoredRecord>> records = chain.recordsOf(pending.stream().map(PendingLink::id)
                        .toList());
                for (PendingLink link : pending) {
                    if (!records.containsKey(link.id())) {
                        // A link is written with its first record: none visible means this transaction cannot see
                        // them (row-level policies), and sealing it empty would break the chain for good.
                        unreadable.add(link.id());
                        continue;
                    }
                    List<Long> ids = new ArrayList<>();
                    List<String> tags = new ArrayList<>();
                    for (StoredRecord record : records.getOrDefault(link.id(), List.of())) {
                        ids.add(record.id());
                        tags.add(key.tag(record.text()));
                    }
                    long seq = head.links() + 1;
                    long total = head.records() + ids.size();
                    String mac = key.mac(linkText(seq, link.id(), link.txid(), link.correlationId(),
                            link.createdAt(), total, head.mac(), ids, tags));
                    chain.seal(link.id(), seq, ids, tags, total, head.mac(), mac);
                    head = new Head(seq, total, mac);
                    count++;
                }
            } while (pending.size() == BATCH);
            if (count > 0) {
                chain.moveHead(head);
            }
            if (unreadable.stream().anyMatch(reported::add)) {
                log.warn("Links {} of the change history show no records to the sealer; they stay unsealed",
                        unreadable);
            }
            return count;
        }));
        return sealed == null ? 0 : sealed;
    }

    /** Seals what is pending, then signs the head and appends it to the checkpoint file. */
    public Checkpoint checkpoint() {
        Checkpoint checkpoint = signedHead();
        checkpoints.append(checkpoint);
        return checkpoint;
    }

    /** Seals what is pending and signs the head, for an export to carry (the file is left as it is). */
    public Checkpoint signedHead() {
        seal();
        Head head = reading.execute(status -> systemWork.run("audit chain head", chain::head));
        return Checkpoint.sign(key, head.links(), head.records(), head.mac(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Whether the key signed this checkpoint (one an auditor kept from an export). */
    public boolean signed(Checkpoint checkpoint) {
        return checkpoint.signedWith(key);
    }

    /** Where the checkpoints are kept. */
    public java.nio.file.Path checkpointFile() {
        return checkpoints.path();
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints.latest();
    }

    /** Seals what is pending, then checks the whole chain with the key and the newest checkpoint of the file. */
    public ChainVerdict verify() {
        return verify(null);
    }

    /**
     * As {@link #verify()}, and against a checkpoint an auditor kept (from an export) too; that one must carry the
     * key's signature.
     */
    public ChainVerdict verify(@Nullable Checkpoint kept) {
        if (kept != null && !kept.signedWith(key)) {
            throw new IllegalArgumentException("the checkpoint does not carry the audit key's signature");
        }
        seal();
        Checkpoint latest = checkpoints.latest().orElse(null);
        ChainVerdict verdict = reading.execute(status -> systemWork.run("audit chain verification",
                () -> check(kept != null ? kept : latest)));
        if (kept == null || latest == null || verdict == null || !verdict.valid()) {
            return verdict;
        }
        return reading.execute(status -> systemWork.run("audit chain verification", () -> check(latest)));
    }

    private ChainVerdict check(@Nullable Checkpoint checkpoint) {
        long unsealed = chain.unsealedRecords();
        String previousMac = NO_MAC;
        long seq = 0;
        long total = 0;
        @Nullable String macAtCheckpoint = null;
        long recordsAtCheckpoint = -1;
        List<SealedLink> links;
        do {
            links = chain.sealedAfter(seq, BATCH);
            Map<Long, List<StoredRecord>> records = chain.recordsOf(links.stream().map(SealedLink::id).toList());
            for (SealedLink link : links) {
                Long first = link.recordIds().isEmpty() ? null : link.recordIds().getFirst();
                if (link.seq() != seq + 1 || !link.prevMac().equals(previousMac)
                        || link.recordIds().size() != link.tags().size()) {
                    return ChainVerdict.broken(total, first, Problem.LINK_BROKEN, checkpoint, unsealed);
                }
                Map<Long, StoredRecord> stored = new HashMap<>();
                records.getOrDefault(link.id(), List.of()).forEach(r -> stored.put(r.id(), r));
                for (int i = 0; i < link.recordIds().size(); i++) {
                    long id = link.recordIds().get(i);
                    StoredRecord record = stored.remove(id);
                    if (record == null) {
                        return ChainVerdict.broken(total, id, Problem.RECORD_REMOVED, checkpoint, unsealed);
                    }
                    if (!key.tag(record.text()).equals(link.tags().get(i))) {
                        return ChainVerdict.broken(total, id, Problem.RECORD_ALTERED, checkpoint, unsealed);
                    }
                }
                if (!stored.isEmpty()) {
                    long added = stored.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
                    return ChainVerdict.broken(total, added, Problem.RECORD_ADDED, checkpoint, unsealed);
                }
                String mac = key.mac(linkText(link.seq(), link.id(), link.txid(), link.correlationId(),
                        link.createdAt(), link.recordsTotal(), link.prevMac(), link.recordIds(), link.tags()));
                if (link.recordsTotal() != total + link.recordIds().size() || !mac.equals(link.mac())) {
                    return ChainVerdict.broken(total, first, Problem.LINK_BROKEN, checkpoint, unsealed);
                }
                seq = link.seq();
                total = link.recordsTotal();
                previousMac = link.mac();
                if (checkpoint != null && seq == checkpoint.links()) {
                    macAtCheckpoint = link.mac();
                    recordsAtCheckpoint = total;
                }
            }
        } while (links.size() == BATCH);

        Long orphan = chain.firstOrphan();
        if (orphan != null) {
            return ChainVerdict.broken(total, orphan, Problem.RECORD_ADDED, checkpoint, unsealed);
        }
        Head head = chain.head();
        if (head.links() > seq) {
            return ChainVerdict.broken(total, null, Problem.CUT_OFF_THE_END, checkpoint, unsealed);
        }
        if (head.links() != seq || !head.mac().equals(previousMac)) {
            return ChainVerdict.broken(total, null, Problem.LINK_BROKEN, checkpoint, unsealed);
        }
        if (checkpoint != null) {
            if (seq < checkpoint.links()) {
                return ChainVerdict.broken(total, null, Problem.CUT_OFF_THE_END, checkpoint, unsealed);
            }
            if (checkpoint.links() > 0 && (!checkpoint.mac().equals(macAtCheckpoint)
                    || checkpoint.records() != recordsAtCheckpoint)) {
                return ChainVerdict.broken(total, null, Problem.CHECKPOINT_MISMATCH, checkpoint, unsealed);
            }
        }
        return ChainVerdict.holds(total, checkpoint, unsealed);
    }

    static String linkText(long seq, long id, @Nullable String txid, String correlationId, String createdAt,
                           long recordsTotal, String prevMac, List<Long> recordIds, List<String> tags) {
        return SealText.of("link", java.util.Arrays.asList(seq, id, txid, correlationId, createdAt, recordsTotal,
                prevMac, SealText.join(recordIds), SealText.join(tags)));
    }

    /**
     * Seals within seconds of a commit; writes a checkpoint when the interval passed and the head moved. Once per
     * installation: with several nodes on the database, the one holding the job's advisory lock does each round, and
     * the checkpoint's last run is kept in the database ({@link InstallationJobs}), not in this node's memory.
     */
    @Scheduled(fixedDelayString = "${portal.audit.seal-interval:PT2S}",
            initialDelayString = "${portal.audit.seal-interval:PT2S}")
    void sealRegularly() {
        if (!background) {
            return;
        }
        try {
            jobs.runExclusively(SEALING_JOB, this::seal);
            if (!checkpointInterval.isZero()) {
                jobs.runIfDue(CHECKPOINT_JOB, checkpointInterval, this::checkpointWhenTheHeadMoved);
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the change history failed; it is retried", e);
        }
    }

    /** The installation jobs' names (table {@code installation_job}). */
    static final String SEALING_JOB = "audit-chain-sealing";
    static final String CHECKPOINT_JOB = "audit-chain-checkpoint";

    private void checkpointWhenTheHeadMoved() {
        Head head = reading.execute(status -> systemWork.run("audit chain head", chain::head));
        Optional<Checkpoint> latest = checkpoints.latest();
        if (head != null && (latest.isEmpty() || latest.get().links() != head.links())) {
            checkpoint();
        }
    }

    @PreDestroy
    void checkpointAtShutdown() {
        if (!background) {
            return;
        }
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("No checkpoint of the change history at shutdown", e);
        }
    }
}
