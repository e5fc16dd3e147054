/**
 * Which language each transcript and each speaker turn is in, told among the languages a study
 * declares and a few more watched for, so that nothing is annotated with another language's models.
 */
package org.triangulate.language;
