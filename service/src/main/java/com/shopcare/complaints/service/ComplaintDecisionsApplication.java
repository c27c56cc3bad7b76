package com.shopcare.complaints.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintDecisionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintDecisionsApplication.class, args);
    }
}
