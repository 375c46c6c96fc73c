package org.botoxeligibility.spark;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of the job's rows: the internal ones (a read line, a group's outcome) and the
 * output tables (recommendations, problems, summary). Column names follow formats.md's field
 * names.
 */
public final class Schemas {
  private Schemas() {}

  /** One line of a Bulk Data file after the first read (internal), or a split's counts. */
  public static final StructType LINE = createStructType(List.of(
      createStructField("key", StringType, false),
      createStructField("kind", StringType, false),
      createStructField("typeOrder", IntegerType, false),
      createStructField("fileIndex", IntegerType, false),
      createStructField("offset", LongType, false),
      createStructField("resource", StringType, true),
      createStructField("json", BinaryType, true),
      createStructField("problemPath", StringType, true),
      createStructField("problemMessage", StringType, true),
      createStructField("linesRead", LongType, false),
      createStructField("blankLines", LongType, false),
      createStructField("patientLines", LongType, false),
      createStructField("ignored", createMapType(StringType, LongType, false), true),
      createStructField("medication", StringType, true),
      createStructField("sharedLines", LongType, false)));

  /** A problem: where (FHIRPath of a resource, or an intake path) and what. */
  public static final StructType PROBLEM = createStructType(List.of(
      createStructField("path", StringType, true),
      createStructField("message", StringType, true)));

  /** One recommendation (internal: inside an outcome). */
  public static final StructType RECOMMENDATION = createStructType(List.of(
      createStructField("concernId", StringType, false),
      createStructField("condition", StringType, true),
      createStructField("category", StringType, true),
      createStructField("labelStatus", StringType, true),
      createStructField("decision", StringType, false),
      createStructField("insurance", StringType, true),
      createStructField("readyToBook", BooleanType, false),
      createStructField("earliestTreatmentDate", DateType, true),
      createStructField("plannedUnits", IntegerType, true),
      createStructField("outstandingRequirements", createArrayType(StringType, false), false),
      createStructField("reasonCodes", createArrayType(StringType, false), false)));

  /** A coding no table of the mapping maps, with how many of a patient's resources carry it. */
  public static final StructType UNMAPPED = createStructType(List.of(
      createStructField("system", StringType, false),
      createStructField("code", StringType, false),
      createStructField("display", StringType, true),
      createStructField("resources", LongType, false)));

  /** What became of one group (a patient, a line, a split's counts): internal. */
  public static final StructType OUTCOME = createStructType(List.of(
      createStructField("kind", StringType, false),
      createStructField("patient", StringType, true),
      createStructField("intakeId", StringType, true),
      createStructField("assessmentDate", DateType, true),
      createStructField("file", StringType, true),
      createStructField("byteOffset", LongType, true),
      createStructField("resource", StringType, true),
      createStructField("resources", LongType, false),
      createStructField("duplicates", LongType, false),
      createStructField("duplicatePatients", LongType, false),
      createStructField("linesRead", LongType, false),
      createStructField("blankLines", LongType, false),
      createStructField("patientLines", LongType, false),
      createStructField("ignored", createMapType(StringType, LongType, false), true),
      createStructField("recommendations", createArrayType(RECOMMENDATION, false), false),
      createStructField("problems", createArrayType(PROBLEM, false), false),
      createStructField("sharedLines", LongType, false),
      createStructField("unmapped", createArrayType(UNMAPPED, false), false),
      createStructField("unmappedConditions", LongType, false),
      createStructField("incomplete", BooleanType, false)));

  /** Column order of the {@code recommendations} table. */
  public static final List<String> RECOMMENDATION_COLUMNS = List.of("patient", "intakeId",
      "assessmentDate", "concernId", "condition", "category", "labelStatus", "decision",
      "insurance", "readyToBook", "earliestTreatmentDate", "plannedUnits",
      "outstandingRequirements", "reasonCodes", "knowledgeBaseVersion");

  /** Column order of the {@code problems} table. */
  public static final List<String> PROBLEM_COLUMNS = List.of("kind", "patient", "intakeId",
      "file", "byteOffset", "resource", "problems", "assessmentDate", "knowledgeBaseVersion");

  /** The {@code summary} table: one row per count. */
  public static final StructType SUMMARY = createStructType(List.of(
      createStructField("section", StringType, false),
      createStructField("name", StringType, false),
      createStructField("condition", StringType, true),
      createStructField("decision", StringType, true),
      createStructField("count", LongType, false),
      createStructField("assessmentDate", DateType, false),
      createStructField("knowledgeBaseVersion", StringType, false),
      createStructField("display", StringType, true)));
}
