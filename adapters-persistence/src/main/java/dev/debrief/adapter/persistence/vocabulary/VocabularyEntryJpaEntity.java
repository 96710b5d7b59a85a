package dev.debrief.adapter.persistence.vocabulary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "vocabulary_entry")
public class VocabularyEntryJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false, length = 20)
    public String kind;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean archived;

    @Column(nullable = false)
    public long version;
}
