package org.triangulate.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores each imported REFI-QDA project's codes, coded selections and staged source texts,
 * replacing the project's previous import as a whole (in the caller's transaction). Thread-safe
 * (stateless over a {@link JdbcTemplate}).
 */
@Component
public class ImportedCodingStore {

  private final JdbcTemplate jdbc;
  private final StagedStudyStore store;

  public ImportedCodingStore(JdbcTemplate jdbc, StagedStudyStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  public void replaceProject(String study, QdaImport imported) {
    String project = imported.fileName();
    deleteRows(study, project);
    Set<String> kept = new HashSet<>();
    for (StagedTranscript source : imported.sources()) {
      store.upsertSource(study, source.source(), source.origin());
      kept.add(source.source().sourceId());
    }
    removeStagedSources(study, project, kept);
    String tool = imported.provenance().replaceFirst("^imported:", "");
    jdbc.batchUpdate(
        "insert into imported_code (study, project_file, code_guid, parent_guid, name, description, color, codable,"
            + " category, theme, tool) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        imported.codes().stream()
            .map(c ->
                new Object[] {
                  study,
                  project,
                  truncate(c.guid(), 100),
                  c.parentGuid() == null ? null : truncate(c.parentGuid(), 100),
                  truncate(c.name(), 500),
                  c.description() == null ? null : truncate(c.description(), 4000),
                  c.color() == null ? null : truncate(c.color(), 20),
                  c.codable(),
                  c.category(),
                  truncate(c.theme(), 100),
                  tool
                })
            .toList());
    Set<String> keys = new HashSet<>();
    jdbc.batchUpdate(
        "insert into imported_selection (study, project_file, selection_guid, code_guid, category, source_id,"
            + " start_offset, end_offset, provenance, coder) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        imported.selections().stream()
            .filter(s -> keys.add(s.selectionGuid() + "\u0000" + s.codeGuid()))
            .map(s ->
                new Object[] {
                  study,
                  project,
                  truncate(s.selectionGuid(), 100),
                  truncate(s.codeGuid(), 100),
                  s.category(),
                  s.sourceId(),
                  s.start(),
                  s.end(),
                  imported.provenance(),
                  s.coder() == null ? null : truncate(s.coder(), 200)
                })
            .toList());
  }

  /** Removes everything a project file brought in, when the file is gone. */
  public void removeProject(String study, String project) {
    deleteRows(study, project);
    removeStagedSources(study, project, Set.of());
  }

  /** Project files with imported rows. */
  public List<String> projects(String study) {
    return jdbc.queryForList(
        "select distinct project_file from imported_code where study = ? union"
            + " select distinct project_file from imported_selection where study = ?",
        String.class,
        study,
        study);
  }

  private void deleteRows(String study, String project) {
    jdbc.update(
        "delete from imported_selection where study = ? and project_file = ?", study, project);
    jdbc.update("delete from imported_code where study = ? and project_file = ?", study, project);
  }

  private void removeStagedSources(String study, String project, Set<String> kept) {
    for (String sourceId : store.sourceIds(study, "qdpx")) {
      if (sourceId.startsWith(project + "#") && !kept.contains(sourceId)) {
        store.removeSource(study, sourceId);
      }
    }
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
