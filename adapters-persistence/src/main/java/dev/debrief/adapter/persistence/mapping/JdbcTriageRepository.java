package dev.debrief.adapter.persistence.mapping;

import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Triage read straight in SQL: deal_triage rows and PENDING_TRIAGE analyses with their partner text. */
@ApplicationScoped
public class JdbcTriageRepository implements TriageRepository {

    private static final UUID BEFORE_ALL = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes

    private final EntityManager em;

    @Inject
    JdbcTriageRepository(PartnerMappingPanacheRepository mappings) {
        this.em = mappings.getEntityManager();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DealId> waitingOn(PartnerMapping mapping, UUID afterDealId, int limit) {
        String sql = mapping.kind() == MappingKind.REASON ? """
                select d.id from loss_analysis a join deal d on d.id = a.deal_id
                where a.workspace_id = :ws and a.current and a.status = 'PENDING_TRIAGE'
                  and lower(btrim(a.partner_reason_text)) = :value and d.external_source = :source and d.id > :after
                order by d.id limit :limit""" : """
                select distinct d.id from deal_triage t join deal d on d.id = t.deal_id
                where t.workspace_id = :ws and t.field in (:fields) and lower(t.raw_value) = :value
                  and d.external_source = :source and d.id > :after
                order by d.id limit :limit""";
        var query = em.createNativeQuery(sql)
                .setParameter("ws", mapping.workspaceId().value())
                .setParameter("value", PartnerMapping.normalized(mapping.partnerValue()))
                .setParameter("source", mapping.source())
                .setParameter("after", afterDealId == null ? BEFORE_ALL : afterDealId)
                .setParameter("limit", limit);
        if (mapping.kind() != MappingKind.REASON) {
            query.setParameter("fields", mapping.kind().triageFields().stream().map(TriageField::name).toList());
        }
        return ((List<Object>) query.getResultList()).stream().map(id -> new DealId((UUID) id)).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Unmapped> unmapped(WorkspaceId workspaceId, MappingKind kind, String source, int limit) {
        String values = kind == MappingKind.REASON ? """
                select d.external_source as source, btrim(a.partner_reason_text) as value, d.id as deal_id
                from loss_analysis a join deal d on d.id = a.deal_id
                where a.workspace_id = :ws and a.current and a.status = 'PENDING_TRIAGE'
                  and a.partner_reason_text is not null and btrim(a.partner_reason_text) <> ''
                  and d.external_source is not null""" : """
                select d.external_source as source, t.raw_value as value, d.id as deal_id
                from deal_triage t join deal d on d.id = t.deal_id
                where t.workspace_id = :ws and t.field in (:fields)""";
        var query = em.createNativeQuery("with v as (" + values + """
                )
                select v.source, min(v.value), count(distinct v.deal_id),
                       (array_agg(distinct v.deal_id))[1:3]
                from v
                where """ + (source == null ? " " : " v.source = :source and ") + """
                  not exists (select 1 from partner_mapping m
                                  where m.workspace_id = :ws and m.kind = :kind and m.source = v.source
                                    and lower(btrim(m.partner_value)) = lower(btrim(v.value)))
                group by v.source, lower(btrim(v.value))
                order by count(distinct v.deal_id) desc, min(v.value)
                limit :limit""")
                .setParameter("ws", workspaceId.value())
                .setParameter("kind", kind.name())
                .setParameter("limit", limit);
        if (source != null) {
            query.setParameter("source", source);
        }
        if (kind != MappingKind.REASON) {
            query.setParameter("fields", kind.triageFields().stream().map(TriageField::name).toList());
        }
        List<Unmapped> result = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            Object examples = row[3];
            List<UUID> ids = examples instanceof UUID[] array ? Arrays.asList(array)
                    : examples instanceof Object[] array ? Arrays.stream(array).map(o -> (UUID) o).toList() : List.of();
            result.add(new Unmapped((String) row[0], (String) row[1], ((Number) row[2]).longValue(), ids));
        }
        return result;
    }
}
