package dev.debrief.adapter.persistence.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "loss_reason")
public class LossReasonJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 20)
    public String category;

    @Column(name = "default_controllability", nullable = false, length = 6)
    public String defaultControllability;

    @Column(nullable = false)
    public boolean archived;

    @Column(nullable = false)
    public long version;
}
