/** simplejwt's HTTP API: controllers, request bodies with DRF's rules, bearer authentication, error mapping. */
package io.jwtauth.adapter.rest;
