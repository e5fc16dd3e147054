package org.triangulate.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Allocates participants to cases and stakeholder groups: every case interviews each group once,
 * and the remaining places rotate through the groups so that the groups end up in roughly equal
 * shares. {@code scale} multiplies every case's participants without changing the design.
 */
final class ParticipantPlanner {

  private ParticipantPlanner() {}

  /** How many of {@code count} there are at {@code scale}. */
  static int scaled(int count, double scale) {
    return (int) Math.round(count * scale);
  }

  static List<DemoParticipant> plan(DemoDesign design, double scale, Seeds seeds) {
    List<String> groups = design.stakeholderGroups();
    int total = design.cases().stream().mapToInt(c -> scaled(c.participants(), scale)).sum();
    int width = Math.max(3, String.valueOf(total).length());
    RandomGenerator order = seeds.stream("participants/order");
    RandomGenerator dates = seeds.stream("participants/dates");
    RandomGenerator names = seeds.stream("participants/names");
    List<DemoParticipant> participants = new ArrayList<>();
    int extrasSoFar = 0;
    for (int c = 0; c < design.cases().size(); c++) {
      DemoDesign.CaseDesign caseDesign = design.cases().get(c);
      List<String> caseGroups = new ArrayList<>(groups);
      int extras = caseDesign.participants() - groups.size();
      for (int e = 0; e < extras; e++) {
        caseGroups.add(groups.get((extrasSoFar + e) % groups.size()));
      }
      extrasSoFar += extras;
      List<String> scaled = new ArrayList<>();
      for (int s = 0; s < (int) scale; s++) {
        scaled.addAll(caseGroups);
      }
      // A fractional scale adds the first part of one more round of the case's groups.
      scaled.addAll(caseGroups.subList(0, scaled(caseGroups.size(), scale) - scaled.size()));
      LocalDate fieldworkStart = LocalDate.of(design.interviewYear(), 1, 13).plusWeeks(4L * c);
      for (String group : Draw.shuffled(order, scaled)) {
        int number = participants.size() + 1;
        participants.add(
            new DemoParticipant(
                "P" + String.format(java.util.Locale.ROOT, "%0" + width + "d", number),
                number,
                caseDesign,
                group,
                weekday(fieldworkStart.plusDays(dates.nextInt(24))),
                firstName(design.people(), names)));
      }
    }
    return List.copyOf(participants);
  }

  private static LocalDate weekday(LocalDate date) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  static String firstName(DemoDesign.People people, RandomGenerator random) {
    return Draw.pick(random, random.nextBoolean() ? people.women() : people.men());
  }
}
