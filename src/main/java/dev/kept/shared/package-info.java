/**
 * Small building blocks every module uses: the problems a request can end in (not found, conflict,
 * a broken rule), secret tokens (generated at random, stored only as a hash) and the range of dates
 * and instants a request may carry.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.kept.shared;
